package org.openpchat.chat.application.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.InMemoryChatServer;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.StaleItemException;
import org.openpchat.chat.application.audit.RecordingAuditLog.Recorded;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.addin.Addin;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.invitation.Invitation;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.InvitationSetting;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.room.RoomType;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException.Reason;

/**
 * Room administration as managers, category creators and administrators do it: who may do what,
 * what is checked, and what the audit log gets.
 */
class RoomServiceTest {

    private final InMemoryChatServer server = new InMemoryChatServer();
    private final PrincipalId alice = server.user("alice");
    private final PrincipalId bob = server.user("bob");
    private final PrincipalId carol = server.user("carol");
    private final Category trading = server.category("Trading", alice, carol);
    private final Category sales = server.category("Sales", bob);
    private final RoomService service = server.roomService();

    private Actor alice() {
        return server.actor(alice);
    }

    private Actor bob() {
        return server.actor(bob);
    }

    @Test
    void aCreatorCreatesARoomAndBecomesItsManager() {
        RoomView created = service.create(alice(), RoomSpec.named("Bond Desk", "Trading"));

        assertThat(created.name()).isEqualTo("Bond Desk");
        assertThat(created.category()).isEqualTo("Trading");
        assertThat(created.managers()).containsExactly("sip:alice@example.com");
        assertThat(created.privacy()).isEqualTo("Closed");
        assertThat(created.type()).isEqualTo("Normal");
        Room stored = server.rooms.findByName("Bond Desk").orElseThrow();
        assertThat(created.uri()).isEqualTo("ma-chan://example.com/" + stored.uid());
        assertThat(stored.createdAt()).isEqualTo(InMemoryChatServer.NOW);
        assertThat(server.auditLog.only()).isEqualTo(new Recorded("sip:alice@example.com",
                "New-CsPersistentChatRoom", "room:Bond Desk", null, created));
    }

    @Test
    void anAdministratorCreatesRoomsWithoutManagingThem() {
        RoomView created = service.create(server.admin, RoomSpec.named("Bond Desk", "Trading"));

        assertThat(created.managers()).isEmpty();
        assertThat(server.auditLog.only().actor()).isEqualTo("system:test");
    }

    @Test
    void anAdministratorWhoIsAUserDoesNotBecomeManagerEither() {
        RoomView created = service.create(alice().asAdministrator(), RoomSpec.named("Bond Desk", "Sales"));

        assertThat(created.managers()).isEmpty();
    }

    @Test
    void onlyCreatorsOfTheCategoryAndAdministratorsCreateRooms() {
        assertThatThrownBy(() -> service.create(bob(), RoomSpec.named("Bond Desk", "Trading")))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN)
                .hasMessageContaining("may not create rooms in category 'Trading'");

        assertThat(server.rooms.all()).isEmpty();
        assertThat(server.auditLog.entries()).isEmpty();
    }

    @Test
    void aRoomNeedsAFreeNameAndAnExistingCategory() {
        service.create(alice(), RoomSpec.named("Bond Desk", "Trading"));

        assertThatThrownBy(() -> service.create(alice(), RoomSpec.named(" Bond Desk ", "Trading")))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT)
                .hasMessage("room 'Bond Desk' already exists");
        assertThatThrownBy(() -> service.create(alice(), RoomSpec.named(null, "Trading")))
                .hasFieldOrPropertyWithValue("reason", Reason.INVALID).hasMessage("a room needs a name");
        assertThatThrownBy(() -> service.create(alice(), RoomSpec.named("Other", null)))
                .hasFieldOrPropertyWithValue("reason", Reason.INVALID).hasMessage("a room needs a category");
        assertThatThrownBy(() -> service.create(alice(), RoomSpec.named("Other", "Nowhere")))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND).hasMessage("no such category: Nowhere");
        assertThat(server.rooms.all()).hasSize(1);
    }

    @Test
    void creationTakesEverySettingAndTheLists() {
        server.addins.add(new Addin("Quotes", "https://quotes.example.com/"));
        RoomSpec spec = new RoomSpec("Bond Desk", "fixed income", " Trading ", Privacy.SECRET, RoomType.AUDITORIUM,
                InvitationSetting.FALSE, true, "Quotes");

        RoomView created = service.create(server.admin, new RoomChange(spec, AccessList.adding(bob),
                AccessList.adding(carol), AccessList.adding(alice)));

        assertThat(created).isEqualTo(new RoomView("Bond Desk", created.uri(), "fixed income", "Trading", "Secret",
                "Auditorium", List.of("sip:bob@example.com"), List.of("sip:carol@example.com"),
                List.of("sip:alice@example.com"), true, "False", "Quotes"));
    }

    @Test
    void anUnknownAddinIsRefusedAndABlankOneRemovesIt() {
        Addin quotes = new Addin("Quotes", "https://quotes.example.com/");
        server.addins.add(quotes);
        service.create(alice(), RoomSpec.named("Bond Desk", "Trading"));

        assertThatThrownBy(() -> service.modify(alice(), "Bond Desk", addin("Nope")))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND).hasMessage("no such add-in: Nope");
        assertThat(service.modify(alice(), "Bond Desk", addin(" Quotes ")).addin()).isEqualTo("Quotes");
        assertThat(service.modify(alice(), "Bond Desk", addin(" ")).addin()).isNull();
        assertThat(server.rooms.findByName("Bond Desk").orElseThrow().addin()).isNull();
    }

    private static RoomSpec addin(String name) {
        return new RoomSpec(null, null, null, null, null, null, null, name);
    }

    @Test
    void newMembersAreInvitedWhenTheCategoryAndTheRoomSendInvitations() {
        trading.enableInvitations(true);
        service.create(alice(), new RoomChange(RoomSpec.named("Bond Desk", "Trading"), AccessList.adding(bob),
                null, null));
        Room room = server.rooms.findByName("Bond Desk").orElseThrow();

        assertThat(server.invitations.all()).extracting(Invitation::invitee, Invitation::roomId,
                Invitation::createdAt).containsExactly(org.assertj.core.groups.Tuple.tuple(bob, room.id(),
                        InMemoryChatServer.NOW));

        service.modifyMembers(alice(), "Bond Desk", AccessList.adding(bob, carol));
        assertThat(server.invitations.all()).extracting(Invitation::invitee).as("only the new member")
                .containsExactly(bob, carol);
    }

    @Test
    void noInvitationsWhenTheRoomOrTheCategoryDoesNotSendThem() {
        service.create(alice(), new RoomChange(RoomSpec.named("Bond Desk", "Trading"), AccessList.adding(bob),
                null, null));
        trading.enableInvitations(true);
        service.create(alice(), new RoomChange(new RoomSpec("Repo Desk", null, "Trading", null, null,
                InvitationSetting.FALSE, null, null), AccessList.adding(bob), null, null));

        assertThat(server.invitations.all()).isEmpty();
    }

    @Test
    void aManagerChangesTheRoomAndTheAuditLogHasBeforeAndAfter() {
        RoomView created = service.create(alice(), RoomSpec.named("Bond Desk", "Trading"));

        RoomView after = service.update(alice(), "Bond Desk", new RoomChange(
                new RoomSpec("Bonds", "fixed income", null, Privacy.OPEN, RoomType.AUDITORIUM,
                        InvitationSetting.FALSE, null, null), AccessList.adding(bob), null, AccessList.adding(alice)),
                ItemTags.of(created));

        assertThat(after).isEqualTo(new RoomView("Bonds", created.uri(), "fixed income", "Trading", "Open",
                "Auditorium", List.of("sip:bob@example.com"), List.of("sip:alice@example.com"),
                List.of("sip:alice@example.com"), false, "False", null));
        assertThat(server.auditLog.entries()).last().isEqualTo(new Recorded("sip:alice@example.com",
                "Set-CsPersistentChatRoom", "room:Bonds", created, after));
        assertThat(server.locks.locked()).containsExactly(server.rooms.findByName("Bonds").orElseThrow());
    }

    @Test
    void aChangeToAnOutdatedCopyIsRefused() {
        RoomView created = service.create(alice(), RoomSpec.named("Bond Desk", "Trading"));
        service.modify(alice(), "Bond Desk", RoomSpec.named(null, null).withDescription("changed"));

        assertThatThrownBy(() -> service.update(alice(), "Bond Desk",
                RoomChange.of(RoomSpec.named(null, null).withDescription("mine")), ItemTags.of(created)))
                .isInstanceOf(StaleItemException.class).hasMessageContaining("room 'Bond Desk'");
        assertThat(server.rooms.findByName("Bond Desk").orElseThrow().description()).isEqualTo("changed");
    }

    @Test
    void renamingChecksTheNewNameOnly() {
        service.create(alice(), RoomSpec.named("Bond Desk", "Trading"));
        service.create(alice(), RoomSpec.named("Repo Desk", "Trading"));

        assertThatThrownBy(() -> service.modify(alice(), "Bond Desk", RoomSpec.named("Repo Desk", null)))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT);
        assertThat(service.modify(alice(), "Bond Desk", RoomSpec.named(" Bond Desk ", null)).name())
                .as("its own name is free").isEqualTo("Bond Desk");
    }

    @Test
    void whoMayNotManageTheRoomChangesNothing() {
        service.create(alice(), RoomSpec.named("Bond Desk", "Trading"));

        assertThatThrownBy(() -> service.modify(bob(), "Bond Desk", RoomSpec.named("Mine", null)))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.view(bob(), "Bond Desk"))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
        assertThat(server.auditLog.entries()).hasSize(1);
        assertThat(service.view(alice(), "Bond Desk").name()).isEqualTo("Bond Desk");
    }

    @Test
    void aSecretRoomIsNotThereForWhoMayNotFindIt() {
        service.create(alice(), new RoomChange(RoomSpec.named("Bond Desk", "Trading").withPrivacy(Privacy.SECRET),
                AccessList.adding(carol), null, null));

        assertThatThrownBy(() -> service.view(bob(), "Bond Desk"))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND).hasMessage("no such room: Bond Desk");
        assertThatThrownBy(() -> service.delete(bob(), "Bond Desk"))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
        assertThat(service.view(alice(), "Bond Desk").privacy()).as("its manager finds it").isEqualTo("Secret");
    }

    @Test
    void aManagerFindsTheRoomAfterDisablingIt() {
        service.create(alice(), RoomSpec.named("Bond Desk", "Trading"));

        RoomView disabled = service.modify(alice(), "Bond Desk", new RoomSpec(null, null, null, null, null, null,
                true, null));
        assertThat(disabled.disabled()).isTrue();
        assertThat(service.modify(alice(), "Bond Desk", new RoomSpec(null, null, null, null, null, null, false,
                null)).disabled()).isFalse();
    }

    @Test
    void aManagerMovesTheRoomOnlyToACategoryWhereTheyCreateRooms() {
        service.create(alice(), RoomSpec.named("Bond Desk", "Trading"));

        assertThatThrownBy(() -> service.modify(alice(), "Bond Desk", RoomSpec.named(null, "Sales")))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN)
                .hasMessageContaining("may not move room 'Bond Desk' to category 'Sales'");
        assertThat(server.rooms.findByName("Bond Desk").orElseThrow().category()).isSameAs(trading);

        sales.modifyCreators(AccessList.adding(alice));
        assertThat(service.modify(alice(), "Bond Desk", RoomSpec.named(null, "Sales")).category())
                .isEqualTo("Sales");
    }

    @Test
    void movingDropsWhoTheNewCategoryDoesNotAdmit() {
        service.create(server.admin, new RoomChange(RoomSpec.named("Bond Desk", "Trading"),
                AccessList.adding(bob, carol), AccessList.adding(alice), null));
        sales.modifyDeniedMembers(AccessList.adding(bob));
        RoomView before = service.view(server.admin, "Bond Desk");

        Set<PrincipalId> dropped = service.move(server.admin, "Bond Desk", "Sales");

        assertThat(dropped).containsExactly(bob);
        RoomView after = service.view(server.admin, "Bond Desk");
        assertThat(after.members()).containsExactly("sip:carol@example.com");
        assertThat(server.auditLog.entries()).last().isEqualTo(new Recorded("system:test",
                "Set-CsPersistentChatRoom", "room:Bond Desk", before, after));
        assertThatThrownBy(() -> service.move(bob(), "Bond Desk", "Trading")).as("a room the wall hides is not found")
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
    }

    @Test
    void theListsChangeOneAtATimeWithinTheCategory() {
        service.create(alice(), RoomSpec.named("Bond Desk", "Trading"));
        PrincipalId outsider = server.principals.user("mallory@elsewhere.org").principalId();

        assertThat(service.modifyMembers(alice(), "Bond Desk", AccessList.adding(bob)).members())
                .containsExactly("sip:bob@example.com");
        assertThat(service.modifyManagers(alice(), "Bond Desk", AccessList.adding(carol)).managers())
                .containsExactly("sip:alice@example.com", "sip:carol@example.com");
        assertThat(service.modifyPresenters(alice(), "Bond Desk", AccessList.adding(bob)).presenters())
                .containsExactly("sip:bob@example.com");
        assertThatThrownBy(() -> service.modifyMembers(alice(), "Bond Desk", AccessList.adding(outsider)))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
        assertThat(service.modifyMembers(alice(), "Bond Desk", AccessList.removing(bob)).members()).isEmpty();
    }

    @Test
    void onlyAdministratorsDeleteRooms() {
        RoomView created = service.create(alice(), RoomSpec.named("Bond Desk", "Trading"));

        assertThatThrownBy(() -> service.delete(alice(), "Bond Desk"))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
        assertThat(server.rooms.all()).hasSize(1);

        service.delete(server.admin, created.uri());
        assertThat(server.rooms.all()).isEmpty();
        assertThat(server.auditLog.entries()).last().isEqualTo(new Recorded("system:test",
                "Remove-CsPersistentChatRoom", "room:Bond Desk", created, null));
    }

    @Test
    void roomsAreFoundByNameOrByUriOfThisServer() {
        RoomView created = service.create(alice(), RoomSpec.named("Bond Desk", "Trading"));
        Room room = server.rooms.findByName("Bond Desk").orElseThrow();

        assertThat(service.find(" Bond Desk ")).isSameAs(room);
        assertThat(service.find(created.uri())).isSameAs(room);
        assertThat(service.find(created.uri().replace("ma-chan", "MA-CHAN"))).isSameAs(room);
        assertThatThrownBy(() -> service.find("ma-chan://elsewhere.org/" + room.uid()))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND)
                .hasMessageContaining("no such room on this server");
        assertThatThrownBy(() -> service.find("ma-chan://example.com/0a6e4b65-63c5-4c3e-a9f0-4e0bd4e9a6f1"))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
        assertThatThrownBy(() -> service.find("Nowhere")).hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
        assertThatThrownBy(() -> service.find(" ")).hasFieldOrPropertyWithValue("reason", Reason.INVALID);
        assertThatThrownBy(() -> service.find(null)).hasFieldOrPropertyWithValue("reason", Reason.INVALID);
    }

    @Test
    void administratorsQueryEveryRoomAndManagersTheirOwn() {
        service.create(alice(), RoomSpec.named("Bond Desk", "Trading"));
        service.create(server.admin, RoomSpec.named("Bond Futures", "Sales"));
        service.create(server.admin, RoomSpec.named("Lobby", "Sales"));

        assertThat(service.query(server.admin, query("Bond*", 100))).extracting(RoomView::name)
                .containsExactly("Bond Desk", "Bond Futures");
        assertThat(service.query(server.admin, query(null, 2))).hasSize(2);
        assertThat(service.query(alice(), query(null, 100))).extracting(RoomView::name)
                .containsExactly("Bond Desk");
        assertThat(service.query(server.actor(carol), query(null, 100)))
                .as("a creator who manages no room").isEmpty();
        assertThatThrownBy(() -> service.query(server.actor(server.user("dave")), query(null, 100)))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN)
                .hasMessageContaining("manages no room and may create none");
        assertThat(service.query(bob(), query(null, 100))).as("a creator in Sales").isEmpty();
    }

    private static RoomQuery query(String filter, int max) {
        return new RoomQuery(filter, false, null, null, null, null, null, null, null, max);
    }

    @Test
    void theRoomDirectoryShowsWhatTheUserMayFind() {
        service.create(alice(), RoomSpec.named("Bond Desk", "Trading"));
        service.create(alice(), new RoomChange(RoomSpec.named("Bond Secrets", "Trading")
                .withPrivacy(Privacy.SECRET), AccessList.adding(carol), null, null));
        service.create(alice(), RoomSpec.named("Bond Archive", "Trading"));
        service.create(alice(), RoomSpec.named("Lobby", "Trading"));

        assertThat(service.findVisible(bob(), "Bond", 10)).extracting(Room::name)
                .containsExactly("Bond Archive", "Bond Desk");
        assertThat(service.findVisible(bob(), "Bond", 1)).extracting(Room::name).containsExactly("Bond Archive");
        assertThat(service.findVisible(alice(), "bond*", 10)).extracting(Room::name)
                .containsExactly("Bond Archive", "Bond Desk", "Bond Secrets");
    }

    @Test
    void theRoomDirectoryReadsOnPastPagesOfRoomsTheUserMayNotFind() {
        for (int i = 0; i < 2 * RoomService.SEARCH_PAGE + 10; i++) {
            service.create(alice(), new RoomChange(RoomSpec.named(String.format("A secret %04d", i), "Trading")
                    .withPrivacy(Privacy.SECRET), AccessList.adding(carol), null, null));
        }
        service.create(alice(), RoomSpec.named("Z open 1", "Trading"));
        service.create(alice(), RoomSpec.named("Z open 2", "Trading"));

        assertThat(service.findVisible(bob(), "", 10)).extracting(Room::name).containsExactly("Z open 1", "Z open 2");
        assertThat(service.findVisible(bob(), "open", 1)).extracting(Room::name).containsExactly("Z open 1");
        assertThat(service.findVisible(alice(), "", 3)).extracting(Room::name)
                .containsExactly("A secret 0000", "A secret 0001", "A secret 0002");
    }
}
