package org.openpchat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJB;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.chat.application.addin.AddinService;
import org.openpchat.chat.application.category.CategoryService;
import org.openpchat.chat.application.category.CategorySpec;
import org.openpchat.chat.application.chat.ChatService;
import org.openpchat.chat.application.chat.HistoryService;
import org.openpchat.chat.application.chat.InvitationService;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.application.room.RoomQuery;
import org.openpchat.chat.application.room.RoomService;
import org.openpchat.chat.application.room.RoomSpec;
import org.openpchat.chat.application.room.RoomView;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException;

/** Categories, rooms, lists, add-ins and invitations through the EJBs, committed to the database. */
@ExtendWith(ArquillianExtension.class)
class RoomAdministrationIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return PchatDeployment.withTests(RoomAdministrationIT.class);
    }

    @EJB(lookup = "java:app/chat-ejb/DirectoryService")
    private DirectoryService directory;
    @EJB(lookup = "java:app/chat-ejb/CategoryService")
    private CategoryService categories;
    @EJB(lookup = "java:app/chat-ejb/RoomService")
    private RoomService rooms;
    @EJB(lookup = "java:app/chat-ejb/AddinService")
    private AddinService addins;
    @EJB(lookup = "java:app/chat-ejb/ChatService")
    private ChatService chat;
    @EJB(lookup = "java:app/chat-ejb/HistoryService")
    private HistoryService history;
    @EJB(lookup = "java:app/chat-ejb/InvitationService")
    private InvitationService invitations;

    private final Actor admin = Actor.administrator("it");
    private String team;
    private String insider;
    private String outsider;
    private String category;

    @BeforeEach
    void directoryAndCategory() {
        team = Fixtures.unique("team");
        insider = Fixtures.unique("in") + "@example.com";
        outsider = Fixtures.unique("out") + "@example.com";
        directory.createUser(insider, "Insider", null, null);
        directory.createUser(outsider, "Outsider", null, null);
        directory.createGroup(team, null);
        directory.addToGroup(team, "sip:" + insider);
        category = Fixtures.unique("cat");
        categories.create(admin, new CategorySpec(category, "it", false, true, true));
        categories.modifyAllowedMembers(admin, category, AccessList.adding(PrincipalId.group(team)));
        categories.modifyCreators(admin, category, AccessList.adding(PrincipalId.user(insider)));
    }

    @Test
    void aCreatorCreatesARoomAndBecomesItsManager() {
        String name = Fixtures.unique("room");
        RoomView created = rooms.create(directory.actorFor(insider), RoomSpec.named(name, category));

        Room room = rooms.find(created.uri());
        assertThat(room.privacy()).isEqualTo(Privacy.CLOSED);
        assertThat(room.managers()).containsExactly(PrincipalId.user(insider));
        assertThatThrownBy(() -> rooms.create(directory.actorFor(insider), RoomSpec.named(name, category)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.CONFLICT));
    }

    @Test
    void aFailedUseCaseLeavesNothingBehind() {
        // outsider is made a creator but the category does not admit them: becoming the
        // manager fails after the room was stored, and the transaction must roll it back
        categories.modifyCreators(admin, category, AccessList.adding(PrincipalId.user(outsider)));
        String name = Fixtures.unique("room");

        assertThatThrownBy(() -> rooms.create(directory.actorFor(outsider), RoomSpec.named(name, category)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.FORBIDDEN));
        assertThatThrownBy(() -> rooms.find(name)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.NOT_FOUND));
    }

    @Test
    void membersOutsideTheCategoryAreRefusedAndMovingPurgesThem() {
        String name = Fixtures.unique("room");
        rooms.create(admin, RoomSpec.named(name, category));
        assertThatThrownBy(() -> rooms.modifyMembers(admin, name, AccessList.adding(PrincipalId.user(outsider))))
                .isInstanceOfSatisfying(DomainException.class, refused(DomainException.Reason.FORBIDDEN,
                        PrincipalId.user(outsider) + " cannot be a member of room '" + name + "': category '"
                                + category + "' does not allow it"));
        rooms.modifyMembers(admin, name, AccessList.adding(PrincipalId.user(insider)));

        String other = Fixtures.unique("cat");
        categories.create(admin, CategorySpec.named(other));
        categories.modifyAllowedMembers(admin, other, AccessList.adding(PrincipalId.user(outsider)));
        Set<PrincipalId> dropped = rooms.move(admin, name, other);

        assertThat(dropped).containsExactly(PrincipalId.user(insider));
        Room moved = rooms.find(name);
        assertThat(moved.category().name()).isEqualTo(other);
        assertThat(moved.members()).isEmpty();
    }

    @Test
    void invitationsGoToNewMembersWhenTheCategoryAllowsThem() {
        String name = Fixtures.unique("room");
        rooms.create(admin, RoomSpec.named(name, category));
        rooms.modifyMembers(admin, name, AccessList.adding(PrincipalId.group(team)));

        assertThat(invitations.pendingFor(directory.actorFor(insider)))
                .extracting(pending -> pending.invitation().roomId()).containsExactly(rooms.find(name).id());
        assertThat(invitations.pendingFor(directory.actorFor(outsider))).isEmpty();
    }

    @Test
    void categoriesWithRoomsCannotBeRemovedButEmptyOnesCan() {
        String name = Fixtures.unique("room");
        rooms.create(admin, RoomSpec.named(name, category));
        assertThatThrownBy(() -> categories.delete(admin, category)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.CONFLICT));

        chat.post(directory.actorFor(insider), name, "soon gone");
        rooms.delete(admin, name);
        categories.delete(admin, category);
        assertThatThrownBy(() -> categories.find(category)).isInstanceOfSatisfying(DomainException.class,
                refused(DomainException.Reason.NOT_FOUND, "no such category: " + category));
    }

    @Test
    void managersMayDisableButNotDelete() {
        String name = Fixtures.unique("room");
        rooms.create(directory.actorFor(insider), RoomSpec.named(name, category));
        Actor manager = directory.actorFor(insider);

        rooms.modify(manager, name, new RoomSpec(null, "quiet", null, null, null, null, true, null));
        assertThat(rooms.find(name).disabled()).isTrue();
        assertThat(rooms.findVisible(manager, name, 10)).isEmpty();
        assertThatThrownBy(() -> chat.join(manager, name)).isInstanceOfSatisfying(DomainException.class,
                refused(DomainException.Reason.DISABLED, "room '" + name + "' is disabled"));
        assertThatThrownBy(() -> rooms.delete(manager, name)).isInstanceOfSatisfying(DomainException.class,
                refused(DomainException.Reason.FORBIDDEN, PrincipalId.user(insider) + " may not delete room '"
                        + name + "'"));
        // a disabled room is not even there for someone who does not manage it
        assertThatThrownBy(() -> rooms.modify(directory.actorFor(outsider), name,
                new RoomSpec(null, "x", null, null, null, null, null, null))).isInstanceOfSatisfying(
                        DomainException.class, refused(DomainException.Reason.NOT_FOUND, "no such room: " + name));
    }

    @Test
    void addinsAreRegisteredUsedAndRemoved() {
        String addin = Fixtures.unique("addin");
        addins.create(admin, addin, "https://intranet.example.com/stocks");
        assertThatThrownBy(() -> addins.create(admin, Fixtures.unique("bad"), "ftp://example.com"))
                .isInstanceOfSatisfying(DomainException.class, refused(DomainException.Reason.INVALID,
                        "add-in URL must be an absolute http or https URL: ftp://example.com"));
        String name = Fixtures.unique("room");
        rooms.create(admin, new RoomSpec(name, null, category, null, null, null, null, addin));
        assertThat(rooms.find(name).addin().url()).isEqualTo("https://intranet.example.com/stocks");
        assertThat(rooms.query(admin, new RoomQuery(null, false, null, null, null, null, null, null, addin, 10)))
                .extracting(RoomView::name).containsExactly(name);

        assertThatThrownBy(() -> addins.delete(admin, addin, false)).isInstanceOfSatisfying(DomainException.class,
                refused(DomainException.Reason.CONFLICT, "add-in '" + addin + "' is used by 1 room(s)"));
        addins.delete(admin, addin, true);
        assertThat(rooms.find(name).addin()).isNull();
    }

    private static Consumer<DomainException> refused(DomainException.Reason reason, String message) {
        return e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).isEqualTo(message);
        };
    }
}
