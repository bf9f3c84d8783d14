package org.openpchat.chat.domain.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.addin.Addin;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.access.Operation;
import org.openpchat.chat.domain.access.RoomAccess;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.principal.InMemoryPrincipals;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException;

class RoomTest {

    private final InMemoryPrincipals directory = new InMemoryPrincipals();
    private final PrincipalId alice = directory.user("alice@example.com").principalId();
    private final PrincipalId bob = directory.user("bob@example.com").principalId();
    private final PrincipalId eve = directory.user("eve@example.com").principalId();
    private final PrincipalId outsider = directory.user("outsider@example.com").principalId();
    private final PrincipalId staff = directory.group("staff", alice, bob, eve).principalId();
    private final PrincipalId walled = directory.group("walled", eve).principalId();
    private final Category category = new Category("Trading", null);
    private final Room room;

    RoomTest() {
        category.modifyAllowedMembers(AccessList.adding(staff));
        category.modifyDeniedMembers(AccessList.adding(walled));
        room = new Room("Desk", category, Instant.EPOCH);
    }

    @Test
    void memberTheCategoryDoesNotAdmitIsRefusedAndTheListIsUnchanged() {
        room.modifyMembers(AccessList.adding(alice), directory::affiliationsOf);

        assertThatThrownBy(() -> room.modifyMembers(AccessList.adding(bob, outsider), directory::affiliationsOf))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.FORBIDDEN));
        assertThat(room.members()).containsExactly(alice);
    }

    @Test
    void deniedPrincipalIsRefusedEvenThoughAllowed() {
        assertThatThrownBy(() -> room.modifyMembers(AccessList.adding(eve), directory::affiliationsOf))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.FORBIDDEN));
        assertThatThrownBy(() -> room.modifyManagers(AccessList.adding(eve), directory::affiliationsOf))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> room.modifyPresenters(AccessList.adding(eve), directory::affiliationsOf))
                .isInstanceOf(DomainException.class);
        assertThat(room.members()).isEmpty();
        assertThat(room.managers()).isEmpty();
        assertThat(room.presenters()).isEmpty();
    }

    @Test
    void replaceSwapsTheWholeList() {
        room.modifyMembers(AccessList.adding(alice), directory::affiliationsOf);

        room.modifyMembers(AccessList.replacing(List.of(bob)), directory::affiliationsOf);

        assertThat(room.members()).containsExactly(bob);
    }

    @Test
    void replaceCannotBeCombinedWithAddOrRemove() {
        assertThatThrownBy(() -> new AccessList(java.util.Set.of(alice), null, java.util.Set.of(bob)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.INVALID));
    }

    @Test
    void removeTakesEntriesOut() {
        room.modifyMembers(AccessList.adding(alice, bob), directory::affiliationsOf);

        Set<PrincipalId> added = room.modifyMembers(AccessList.removing(alice), directory::affiliationsOf);

        assertThat(added).isEmpty();
        assertThat(room.members()).containsExactly(bob);
    }

    @Test
    void modifyMembersReturnsOnlyTheNewlyAddedPrincipals() {
        room.modifyMembers(AccessList.adding(alice), directory::affiliationsOf);

        assertThat(room.modifyMembers(AccessList.adding(alice, bob), directory::affiliationsOf))
                .containsExactly(bob);
        assertThat(room.modifyMembers(AccessList.replacing(List.of(alice, bob, staff)), directory::affiliationsOf))
                .containsExactly(staff);
    }

    @Test
    void moveToDropsEntriesTheTargetDoesNotAdmitAndReturnsThem() {
        PrincipalId desk = directory.group("desk", bob).principalId();
        directory.find(staff).orElseThrow().addMember(desk);
        room.modifyMembers(AccessList.adding(alice, bob, desk), directory::affiliationsOf);
        room.modifyManagers(AccessList.adding(alice), directory::affiliationsOf);
        room.modifyPresenters(AccessList.adding(bob), directory::affiliationsOf);
        Category target = new Category("Research", null);
        target.modifyAllowedMembers(AccessList.adding(alice, bob));
        target.modifyDeniedMembers(AccessList.adding(bob));

        Set<PrincipalId> dropped = room.moveTo(target, directory::affiliationsOf);

        // bob is allowed but denied by the target; desk is a group the target does not allow
        assertThat(dropped).containsExactlyInAnyOrder(bob, desk);
        assertThat(room.category()).isSameAs(target);
        assertThat(room.members()).containsExactly(alice);
        assertThat(room.managers()).containsExactly(alice);
        assertThat(room.presenters()).isEmpty();
    }

    @Test
    void moveToKeepsGroupsTheTargetAdmits() {
        PrincipalId desk = directory.group("desk", bob).principalId();
        directory.group("everyone", desk, alice);
        room.modifyMembers(AccessList.adding(alice, bob), directory::affiliationsOf);
        Category target = new Category("Research", null);
        target.modifyAllowedMembers(AccessList.adding(PrincipalId.group("everyone")));

        assertThat(room.moveTo(target, directory::affiliationsOf)).isEmpty();
        assertThat(room.members()).containsExactlyInAnyOrder(alice, bob);
    }

    @Test
    void emptyMemberListInheritsTheCategorysAllowedMembers() {
        assertThat(room.members()).isEmpty();
        assertThat(room.hasMember(directory.affiliationsOf(alice))).isTrue();
        assertThat(room.hasMember(directory.affiliationsOf(outsider))).isFalse();
        assertThat(room.hasMember(directory.affiliationsOf(eve))).as("denied").isFalse();
    }

    @Test
    void explicitMemberListExcludesOtherAllowedUsers() {
        room.modifyMembers(AccessList.adding(alice), directory::affiliationsOf);

        assertThat(room.hasMember(directory.affiliationsOf(alice))).isTrue();
        assertThat(room.hasMember(directory.affiliationsOf(bob))).isFalse();
    }

    @Test
    void sendsInvitationsOnlyWhenCategoryEnablesThemAndRoomInherits() {
        assertThat(room.sendsInvitations()).as("category off, room inherit").isFalse();

        category.enableInvitations(true);
        assertThat(room.sendsInvitations()).as("category on, room inherit").isTrue();

        room.changeInvitations(InvitationSetting.FALSE);
        assertThat(room.sendsInvitations()).as("category on, room false").isFalse();

        category.enableInvitations(false);
        assertThat(room.sendsInvitations()).as("category off, room false").isFalse();
    }

    @Test
    void presenterWhoIsNotAMemberCannotJoinOrPostInClosedAuditorium() {
        room.changeType(RoomType.AUDITORIUM);
        room.changePrivacy(Privacy.CLOSED);
        room.modifyMembers(AccessList.adding(alice), directory::affiliationsOf);
        room.modifyPresenters(AccessList.adding(bob), directory::affiliationsOf);
        Actor presenter = Actor.user(bob, directory.affiliationsOf(bob));

        assertThat(RoomAccess.permits(presenter, Operation.JOIN, room)).isFalse();
        assertThat(RoomAccess.permits(presenter, Operation.POST, room)).isFalse();

        room.changePrivacy(Privacy.OPEN);
        assertThat(RoomAccess.permits(presenter, Operation.JOIN, room)).isTrue();
        assertThat(RoomAccess.permits(presenter, Operation.POST, room)).isTrue();
        Actor member = Actor.user(alice, directory.affiliationsOf(alice));
        assertThat(RoomAccess.permits(member, Operation.POST, room)).as("non-presenter").isFalse();
    }

    @Test
    void theCategorysWallBindsPrincipalsAlreadyOnTheRoomsLists() {
        room.modifyMembers(AccessList.adding(alice, bob), directory::affiliationsOf);
        room.modifyManagers(AccessList.adding(alice), directory::affiliationsOf);
        room.modifyPresenters(AccessList.adding(alice), directory::affiliationsOf);
        assertThat(room.hasMember(directory.affiliationsOf(alice))).isTrue();
        assertThat(room.hasManager(directory.affiliationsOf(alice))).isTrue();
        assertThat(room.hasPresenter(directory.affiliationsOf(alice))).isTrue();

        category.modifyDeniedMembers(AccessList.adding(alice));

        assertThat(room.managers()).containsExactly(alice);
        assertThat(room.hasMember(directory.affiliationsOf(alice))).as("member").isFalse();
        assertThat(room.hasManager(directory.affiliationsOf(alice))).as("manager").isFalse();
        assertThat(room.hasPresenter(directory.affiliationsOf(alice))).as("presenter").isFalse();
        assertThat(room.hasMember(directory.affiliationsOf(bob))).isTrue();
        assertThat(room.hasManager(directory.affiliationsOf(bob))).as("not on the list").isFalse();
        assertThat(room.hasPresenter(directory.affiliationsOf(bob))).as("not on the list").isFalse();
    }

    @Test
    void modifyManagersAndPresentersReturnOnlyTheNewlyAddedPrincipals() {
        assertThat(room.modifyManagers(AccessList.adding(alice), directory::affiliationsOf)).containsExactly(alice);
        assertThat(room.modifyManagers(AccessList.adding(alice, bob), directory::affiliationsOf)).containsExactly(bob);
        assertThat(room.modifyPresenters(AccessList.adding(bob), directory::affiliationsOf)).containsExactly(bob);
        assertThat(room.modifyPresenters(AccessList.adding(alice, bob), directory::affiliationsOf)).containsExactly(alice);
        assertThat(room.managers()).containsExactly(alice, bob);
        assertThat(room.presenters()).containsExactly(bob, alice);
    }

    @Test
    void aNewRoomHasItsTrimmedNameAndTheDefaultSettings() {
        Room created = new Room("  Bond Desk ", category, Instant.parse("2026-01-02T03:04:05Z"));
        created.describe("Bonds");

        assertThat(created.name()).isEqualTo("Bond Desk");
        assertThat(created.description()).isEqualTo("Bonds");
        assertThat(created.category()).isSameAs(category);
        assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(created.privacy()).isEqualTo(Privacy.CLOSED);
        assertThat(created.type()).isEqualTo(RoomType.NORMAL);
        assertThat(created.invitations()).isEqualTo(InvitationSetting.INHERIT);
        assertThat(created.disabled()).isFalse();
        assertThat(created.addin()).isNull();
        Addin quotes = new Addin("Quotes", "https://q.example.com/");
        created.useAddin(quotes);
        assertThat(created.addin()).isSameAs(quotes);
        assertThat(created.id()).isNull();
        assertThat(created.uid()).hasSize(36);
        assertThatThrownBy(() -> new Room(" ", category, Instant.EPOCH)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Room("Desk", null, Instant.EPOCH)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> created.changePrivacy(null)).isInstanceOf(DomainException.class);
    }

    @Test
    void restoreKeepsTheRecordedIdAndListsWithoutTheCategoryCheck() {
        Room restored = Room.restore("0b7e3f4e-2a4c-4a4e-9a8f-3c2d1e0f9a8b", "Desk", category, Instant.EPOCH);

        restored.restoreLists(Set.of(outsider), Set.of(alice), Set.of(bob));

        assertThat(restored.uid()).isEqualTo("0b7e3f4e-2a4c-4a4e-9a8f-3c2d1e0f9a8b");
        assertThat(restored.uri("example.com").roomUid()).isEqualTo("0b7e3f4e-2a4c-4a4e-9a8f-3c2d1e0f9a8b");
        assertThat(restored.members()).containsExactly(outsider);
        assertThat(restored.managers()).containsExactly(alice);
        assertThat(restored.presenters()).containsExactly(bob);
    }

    @Test
    void roomUriRoundTrip() {
        RoomUri uri = RoomUri.parse("ma-chan://example.com/1234-abcd");

        assertThat(uri.sipDomain()).isEqualTo("example.com");
        assertThat(uri.roomUid()).isEqualTo("1234-abcd");
        assertThat(uri.toString()).isEqualTo("ma-chan://example.com/1234-abcd");
        assertThat(RoomUri.parse(room.uri("example.com").toString()).roomUid()).isEqualTo(room.uid());
    }

    @Test
    void roomUriRejectsBadText() {
        for (String bad : new String[] {
            "http://example.com/1234", "example.com/1234", "ma-chan://example.com",
            "ma-chan://example.com/", "ma-chan:///1234", "ma-chan://example.com/12/34", null
        }) {
            assertThatThrownBy(() -> RoomUri.parse(bad)).as(String.valueOf(bad))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.INVALID));
        }
    }
}
