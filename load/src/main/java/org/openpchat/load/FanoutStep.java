package org.openpchat.load;

import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One rate of the fan-out scenario: which posts went out, which the server accepted, and every
 * delivery of them to a member, with its latency. Deliveries are counted per post and checked
 * per member, so a lost or duplicated delivery shows, and so is the order of the room's message
 * ids each member receives (a post that arrives after a later one of its room is out of order).
 */
final class FanoutStep {

    private static final byte SENT = 1;
    private static final byte ACCEPTED = 2;
    private static final byte REFUSED = 3;

    final int number;
    final int rate;
    private final int members;
    private final int capacity;
    private final AtomicIntegerArray states;
    private final AtomicIntegerArray deliveries;
    private final Map<String, BitSet> seenByMember = new ConcurrentHashMap<>();
    private final Map<String, Long> lastIdByMember = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> refusals = new ConcurrentHashMap<>();
    private final Recorder latencyMicros = new Recorder(3);
    private final Recorder acceptedAfterMicros = new Recorder(3);
    private final Recorder refusedAfterMicros = new Recorder(3);
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong strays = new AtomicLong();
    private final AtomicLong outOfOrder = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();

    FanoutStep(int number, int rate, int members, int capacity) {
        this.number = number;
        this.rate = rate;
        this.members = members;
        this.capacity = capacity;
        this.states = new AtomicIntegerArray(capacity);
        this.deliveries = new AtomicIntegerArray(capacity);
    }

    /** A number for the next post, or -1 once the step has sent as many as it can track. */
    int nextPost() {
        long post = sent.getAndIncrement();
        if (post >= capacity) {
            return -1;
        }
        states.set((int) post, SENT);
        return (int) post;
    }

    /** The server's answer to post {@code post} came {@code afterNanos} after it was sent (status 0: none came). */
    void answered(int post, int status, long afterNanos) {
        if (status == 200) {
            states.set(post, ACCEPTED);
            acceptedAfterMicros.recordValue(Math.max(0, afterNanos / 1000));
        } else {
            states.set(post, REFUSED);
            refusals.merge(status, 1, Integer::sum);
            if (status != 0) {
                refusedAfterMicros.recordValue(Math.max(0, afterNanos / 1000));
            }
        }
    }

    /**
     * A member received post {@code post}, which the server stored as message {@code messageId} of
     * its room (-1: not known); called on that member's connection thread only.
     */
    void delivered(String member, int post, long messageId, long latencyNanos) {
        if (post < 0 || post >= capacity) {
            strays.incrementAndGet();
            return;
        }
        if (messageId >= 0) {
            Long last = lastIdByMember.put(member, messageId);
            if (last != null && messageId < last) {
                outOfOrder.incrementAndGet();
            }
        }
        BitSet seen = seenByMember.computeIfAbsent(member, m -> new BitSet());
        if (seen.get(post)) {
            duplicates.incrementAndGet();
            return;
        }
        seen.set(post);
        deliveries.incrementAndGet(post);
        latencyMicros.recordValue(Math.max(0, latencyNanos / 1000));
    }

    /** True when every post has its answer and every accepted post all its deliveries. */
    boolean complete() {
        int posts = (int) Math.min(sent.get(), capacity);
        for (int post = 0; post < posts; post++) {
            int state = states.get(post);
            if (state == SENT || state == ACCEPTED && deliveries.get(post) < members) {
                return false;
            }
        }
        return true;
    }

    Result result(double seconds, double serverCpu, double ownCpu) {
        int posts = (int) Math.min(sent.get(), capacity);
        long accepted = 0;
        long unanswered = 0;
        long delivered = 0;
        long lost = 0;
        for (int post = 0; post < posts; post++) {
            int state = states.get(post);
            int got = deliveries.get(post);
            if (state == ACCEPTED) {
                accepted++;
                delivered += Math.min(got, members);
                lost += Math.max(0, members - got);
            } else if (state == SENT) {
                unanswered++;
                delivered += got;
            } else {
                strays.addAndGet(got);
            }
        }
        Histogram latency = latencyMicros.getIntervalHistogram();
        return new Result(number, rate, rate * members, seconds, posts, accepted, new TreeMap<>(refusals), unanswered,
                accepted * members, delivered, lost, duplicates.get(), outOfOrder.get(), strays.get(), latency,
                acceptedAfterMicros.getIntervalHistogram(), refusedAfterMicros.getIntervalHistogram(), serverCpu,
                ownCpu);
    }

    /**
     * What a step measured (out of order: deliveries that came after a later message of their room
     * to the same member); latencies in microseconds (of deliveries, and of the answers to the posts
     * accepted and refused), CPU in seconds (-1: not measured).
     */
    record Result(int step, int rate, int offeredDeliveriesPerSecond, double seconds, long posts, long accepted,
            Map<Integer, Integer> refused, long unanswered, long expected, long delivered, long lost, long duplicates,
            long outOfOrder, long strays, Histogram latency, Histogram acceptedAfter, Histogram refusedAfter,
            double serverCpu, double ownCpu) {

        double deliveriesPerSecond() {
            return delivered / seconds;
        }

        double millis(double percentile) {
            return millis(latency, percentile);
        }

        static double millis(Histogram micros, double percentile) {
            return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1000.0;
        }

        /** CPU seconds per 1,000 deliveries, or -1. */
        static double per1000(double cpu, long deliveries) {
            return cpu < 0 || deliveries == 0 ? -1 : cpu * 1000.0 / deliveries;
        }

        /** Nothing lost or duplicated, and p99 within the limit. */
        boolean held(double p99LimitMillis) {
            return lost == 0 && duplicates == 0 && unanswered == 0 && millis(99) <= p99LimitMillis;
        }
    }
}
