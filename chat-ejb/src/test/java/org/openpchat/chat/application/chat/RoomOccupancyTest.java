package org.openpchat.chat.application.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.principal.PrincipalId;

class RoomOccupancyTest {

    private static final PrincipalId ALICE = PrincipalId.user("alice@example.com");
    private static final PrincipalId BOB = PrincipalId.user("bob@example.com");

    private final RoomOccupancy occupancy = new RoomOccupancy();

    @Test
    void usersEnterAndLeaveRoomsOnce() {
        assertThat(occupancy.enter("a", ALICE)).isTrue();
        assertThat(occupancy.enter("a", ALICE)).isFalse();
        assertThat(occupancy.enter("a", BOB)).isTrue();
        assertThat(occupancy.enter("b", BOB)).isTrue();

        assertThat(occupancy.occupants("a")).containsExactlyInAnyOrder(ALICE, BOB);
        assertThat(occupancy.count("a")).isEqualTo(2);
        assertThat(occupancy.leave("a", ALICE)).isTrue();
        assertThat(occupancy.leave("a", ALICE)).isFalse();
        assertThat(occupancy.leave("c", ALICE)).isFalse();
        assertThat(occupancy.occupants("a")).containsExactly(BOB);
        assertThat(occupancy.count("c")).isZero();
        assertThat(occupancy.occupants("c")).isEmpty();
    }

    @Test
    void usersInRoomsCountsEachUserOnce() {
        assertThat(occupancy.usersInRooms()).isZero();
        occupancy.enter("a", ALICE);
        occupancy.enter("b", ALICE);
        occupancy.enter("b", BOB);

        assertThat(occupancy.usersInRooms()).isEqualTo(2);
    }

    @Test
    void closingARoomEmptiesIt() {
        occupancy.enter("a", ALICE);
        occupancy.enter("b", ALICE);

        occupancy.closeRoom("a");

        assertThat(occupancy.count("a")).isZero();
        assertThat(occupancy.count("b")).isEqualTo(1);
    }
}
