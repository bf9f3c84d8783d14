package org.openpchat.chat.application.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.MovableClock;

/** The nodes heard from, by this node's clock: the latest start of each name, silent ones marked. */
class PoolMembersTest {

    private static final NodeId NODE2 = new NodeId("node2", "a");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final PoolMembers members = new PoolMembers(clock, Duration.ofSeconds(3));

    private static PoolMessage.Beat beat(NodeId node, int connections) {
        return new PoolMessage.Beat(node, Instant.EPOCH, connections, 2);
    }

    @Test
    void aNodeRespondsUntilItHasBeenSilentLongerThanTheLimitAndIsReportedSilentOnce() {
        Instant heard = clock.instant();
        assertThat(members.heard(beat(NODE2, 1))).as("new").contains(NODE2);
        assertThat(members.heard(beat(NODE2, 1))).as("known").isEmpty();

        clock.advance(Duration.ofSeconds(3));
        assertThat(members.silent()).isEmpty();
        assertThat(members.nodes()).containsExactly(new NodeView("node2", "a", heard, true, 1, 2));
        clock.advance(Duration.ofMillis(1));
        assertThat(members.nodes()).containsExactly(new NodeView("node2", "a", heard, false, 1, 2));
        assertThat(members.silent()).containsExactly(NODE2);
        assertThat(members.silent()).isEmpty();

        assertThat(members.heard(beat(NODE2, 1))).as("back").contains(NODE2);
        assertThat(members.nodes()).extracting(NodeView::responding).containsExactly(true);
    }

    @Test
    void aRestartedNodeReplacesItsEarlierStartAndNodesComeByName() {
        members.heard(beat(new NodeId("node3", "a"), 1));
        members.heard(beat(NODE2, 1));

        assertThat(members.heard(beat(new NodeId("node2", "b"), 7))).contains(NODE2);

        assertThat(members.nodes()).extracting(NodeView::name, NodeView::start, NodeView::signedInConnections)
                .containsExactly(Tuple.tuple("node2", "b", 7), Tuple.tuple("node3", "a", 1));
    }
}
