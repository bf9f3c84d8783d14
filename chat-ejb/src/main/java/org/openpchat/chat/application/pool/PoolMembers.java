package org.openpchat.chat.application.pool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The other nodes this one has heard from, by name: the latest start of each, when its last beat
 * arrived (by this node's clock, so clocks that disagree do not matter) and its figures. A node
 * silent for longer than the silence limit is reported once as {@link #silent} and shown as not
 * responding until it beats again.
 */
public final class PoolMembers {

    private final Clock clock;
    private final Duration silenceLimit;
    private final Map<String, Heard> byName = new HashMap<>();

    public PoolMembers(Clock clock, Duration silenceLimit) {
        this.clock = clock;
        this.silenceLimit = silenceLimit;
    }

    /**
     * Notes the beat. Returns empty for a node known and responding; otherwise (a node new to
     * this one, back from a silence, or started anew) the start it had before: the beat's own for
     * a new or returning node, the earlier one for a restarted node.
     */
    public synchronized Optional<NodeId> heard(PoolMessage.Beat beat) {
        Heard before = byName.put(beat.from().name(), new Heard(beat, clock.instant(), true));
        if (before != null && before.beat.from().equals(beat.from()) && before.responding) {
            return Optional.empty();
        }
        return Optional.of(before == null ? beat.from() : before.beat.from());
    }

    /** The nodes that fell silent since the last call, each reported once. */
    public synchronized List<NodeId> silent() {
        Instant now = clock.instant();
        List<NodeId> silent = new ArrayList<>();
        byName.replaceAll((name, heard) -> {
            if (heard.responding && quiet(heard, now)) {
                silent.add(heard.beat.from());
                return new Heard(heard.beat, heard.at, false);
            }
            return heard;
        });
        return silent;
    }

    /** Every node heard from, by name. */
    public synchronized List<NodeView> nodes() {
        Instant now = clock.instant();
        return byName.values().stream()
                .map(heard -> new NodeView(heard.beat.from().name(), heard.beat.from().start(), heard.at,
                        heard.responding && !quiet(heard, now), heard.beat.signedInConnections(),
                        heard.beat.usersInRooms()))
                .sorted(Comparator.comparing(NodeView::name)).toList();
    }

    private boolean quiet(Heard heard, Instant now) {
        return Duration.between(heard.at, now).compareTo(silenceLimit) > 0;
    }

    private record Heard(PoolMessage.Beat beat, Instant at, boolean responding) {
    }
}
