package org.openpchat.chat.application.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.principal.PrincipalId;

class RoomOccupancyTest {

    private static final PrincipalId ALICE = PrincipalId.user("alice@example.com");
    private static final PrincipalId BOB = PrincipalId.user("bob@example.com");

    private final RoomOccupancy occupancy = new RoomOccupancy();

    @Test
    void usersEnterAndLeaveRoomsOnce() {
        assertThat(occupancy.enter("a", ALICE, false)).isTrue();
        assertThat(occupancy.enter("a", ALICE, false)).isFalse();
        assertThat(occupancy.enter("a", BOB, false)).isTrue();
        assertThat(occupancy.enter("b", BOB, false)).isTrue();

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
        occupancy.enter("a", ALICE, false);
        occupancy.enter("b", ALICE, false);
        occupancy.enter("b", BOB, false);

        assertThat(occupancy.usersInRooms()).isEqualTo(2);
    }

    @Test
    void thisNodesComingsAndGoingsAreToldToThePoolOnce() {
        List<String> told = new ArrayList<>();
        occupancy.pooled(new RoomPresence() {
            @Override
            public void entered(String roomUid, PrincipalId user, boolean manager) {
                told.add("entered " + roomUid + " " + user + (manager ? " manager" : ""));
            }

            @Override
            public void left(String roomUid, PrincipalId user) {
                told.add("left " + roomUid + " " + user);
            }
        });

        occupancy.enter("a", ALICE, true);
        occupancy.enter("a", ALICE, true);
        occupancy.enter("a", BOB, false);
        occupancy.leave("a", ALICE);
        occupancy.leave("a", ALICE);

        assertThat(told).containsExactly("entered a sip:alice@example.com manager", "entered a sip:bob@example.com",
                "left a sip:alice@example.com");
    }

    @Test
    void theOtherNodesPeopleCountInTheRoomEachOnce() {
        occupancy.enter("a", ALICE, false);

        assertThat(occupancy.enteredElsewhere("node2/1", "a", ALICE)).as("alice was here already").isFalse();
        assertThat(occupancy.enteredElsewhere("node2/1", "a", BOB)).isTrue();
        assertThat(occupancy.enteredElsewhere("node3/1", "a", BOB)).as("bob is on node2 too").isFalse();

        assertThat(occupancy.occupants("a")).containsExactlyInAnyOrder(ALICE, BOB);
        assertThat(occupancy.count("a")).isEqualTo(2);
        assertThat(occupancy.count("b")).isZero();
        assertThat(occupancy.usersInRooms()).as("this node's people").isEqualTo(1);
        assertThat(occupancy.here()).isEqualTo(Map.of("a", List.of(ALICE)));
    }

    @Test
    void someoneLeftElsewhereIsGoneOnlyWhenInTheRoomNowhere() {
        occupancy.enter("a", ALICE, false);
        occupancy.enteredElsewhere("node2/1", "a", ALICE);
        occupancy.enteredElsewhere("node2/1", "a", BOB);
        occupancy.enteredElsewhere("node3/1", "a", BOB);

        assertThat(occupancy.leftElsewhere("node2/1", "a", ALICE)).as("still here").isFalse();
        assertThat(occupancy.leftElsewhere("node2/1", "a", BOB)).as("still on node3").isFalse();
        assertThat(occupancy.leftElsewhere("node2/1", "a", BOB)).as("not on node2 any more").isFalse();
        assertThat(occupancy.leftElsewhere("node3/1", "a", BOB)).isTrue();
        assertThat(occupancy.occupants("a")).containsExactly(ALICE);
    }

    @Test
    void aNodeForgottenTakesItsPeopleWithItButNotThoseStillElsewhere() {
        PrincipalId carol = PrincipalId.user("carol@example.com");
        occupancy.enter("a", ALICE, false);
        occupancy.enteredElsewhere("node2/1", "a", ALICE);
        occupancy.enteredElsewhere("node2/1", "a", BOB);
        occupancy.enteredElsewhere("node2/1", "b", BOB);
        occupancy.enteredElsewhere("node2/1", "b", carol);
        occupancy.enteredElsewhere("node3/1", "b", carol);

        assertThat(occupancy.forgetNode("node2/1")).isEqualTo(Map.of("a", List.of(BOB), "b", List.of(BOB)));
        assertThat(occupancy.forgetNode("node2/1")).isEmpty();
        assertThat(occupancy.occupants("a")).containsExactly(ALICE);
        assertThat(occupancy.occupants("b")).containsExactly(carol);
    }
}
