package org.openpchat.chat.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.principal.InMemoryPrincipals;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.AccessList;

/** Which rooms are answered as if they did not exist: those the actor may not find, disabled or not. */
class RoomAccessConcealTest {

    private final InMemoryPrincipals directory = new InMemoryPrincipals();
    private final PrincipalId member = directory.user("member@example.com").principalId();
    private final PrincipalId manager = directory.user("manager@example.com").principalId();
    private final PrincipalId bystander = directory.user("bystander@example.com").principalId();
    private final PrincipalId denied = directory.user("denied@example.com").principalId();
    private final Category category = new Category("Projects", null);
    private final Room room = new Room("Project X", category, Instant.EPOCH);

    RoomAccessConcealTest() {
        category.modifyAllowedMembers(AccessList.adding(member, manager, bystander, denied));
        category.modifyDeniedMembers(AccessList.adding(denied));
        room.modifyMembers(AccessList.adding(member), directory::affiliationsOf);
        room.modifyManagers(AccessList.adding(manager), directory::affiliationsOf);
    }

    private boolean conceals(PrincipalId who) {
        return RoomAccess.conceals(Actor.user(who, directory.affiliationsOf(who)), room);
    }

    @Test
    void aSecretRoomIsKnownOnlyToItsMembersManagersAndAdministrators() {
        room.changePrivacy(Privacy.SECRET);

        assertThat(conceals(bystander)).isTrue();
        assertThat(conceals(denied)).isTrue();
        assertThat(conceals(member)).isFalse();
        assertThat(conceals(manager)).isFalse();
        assertThat(RoomAccess.conceals(Actor.administrator("admin"), room)).isFalse();
    }

    @Test
    void openAndClosedRoomsAreKnownToWhomeverTheCategoryAdmits() {
        for (Privacy privacy : new Privacy[] {Privacy.OPEN, Privacy.CLOSED}) {
            room.changePrivacy(privacy);

            assertThat(conceals(bystander)).as(privacy + " bystander").isFalse();
            assertThat(conceals(denied)).as(privacy + " denied by the category").isTrue();
        }
    }

    @Test
    void disablingARoomDoesNotHideItFromThoseWhoKnewIt() {
        room.disable();

        assertThat(conceals(member)).isFalse();
        assertThat(conceals(bystander)).isFalse();
        assertThat(conceals(denied)).isTrue();
    }
}
