package org.openpchat.sip.container;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * How long messages have lately waited in the container's queues, each queue on its own
 * ({@link Queue}), and the container as late as its latest queue. The 90th percentile of each
 * queue's waits recorded in the current second and the one before it, so the figure reacts within
 * a second and falls back to zero two seconds after the queues drain. A percentile, not the
 * longest wait: one client that stops reading (or floods its own call) makes its own messages
 * wait, which says nothing about the server; when the server falls behind, most messages wait.
 * Queues apart, because they carry different numbers: a post to a room of 150 brings 150
 * {@code 200 OK}s through the inbound lanes and 150 INFOs through the writers for one request to
 * a servlet, and the waits of those would hide a queue of requests. Waits are counted in steps of
 * {@value #STEP_MILLIS} ms up to {@value #LIMIT_MILLIS} ms; longer ones count as that. Fewer than
 * {@value #MIN_MESSAGES} messages through a queue in the two seconds is too little traffic to be
 * behind with (a client's burst at sign-in, a test): that queue's delay is then 0.
 */
final class DeliveryDelay {

    /** Where a message waited. */
    enum Queue {
        /** Everything received, before it was parsed: behind the earlier messages on its inbound lane. */
        INBOUND,
        /** Requests from clients before their servlet got them: behind the earlier messages of their
         * call and the bound on deliveries at once. */
        REQUESTS,
        /** Messages to clients until written to their connection: queued behind the earlier ones, then
         * the write itself, which blocks while the client's socket is full (when the machine runs out
         * of CPU, clients read late, and that shows here); the writers also record, once a second, how
         * long the oldest message still queued for each connection has waited, so queues that stopped
         * moving show as late, not idle. */
        WRITES
    }

    static final int STEP_MILLIS = 10;
    static final int LIMIT_MILLIS = 10_000;
    static final int MIN_MESSAGES = 100;

    private final Window[] windows = new Window[Queue.values().length];

    DeliveryDelay(LongSupplier clock) {
        for (Queue queue : Queue.values()) {
            windows[queue.ordinal()] = new Window(clock);
        }
    }

    /** A message left {@code queue}, or is still in it, after waiting {@code waitedNanos}. */
    void record(Queue queue, long waitedNanos) {
        windows[queue.ordinal()].record(waitedNanos);
    }

    /** The largest of the queues' 90th percentiles of their recent waits, in milliseconds. */
    long recentMillis() {
        long latest = 0;
        for (Window window : windows) {
            latest = Math.max(latest, window.recentMillis());
        }
        return latest;
    }

    /** One queue's waits of the current second and the one before. */
    private static final class Window {

        private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
        private static final int BUCKETS = LIMIT_MILLIS / STEP_MILLIS + 1;
        private static final double PERCENTILE = 0.9;

        private final LongSupplier clock;
        private final AtomicLong windowStart;
        private volatile AtomicLongArray current = new AtomicLongArray(BUCKETS);
        private volatile AtomicLongArray previous = new AtomicLongArray(BUCKETS);

        Window(LongSupplier clock) {
            this.clock = clock;
            this.windowStart = new AtomicLong(clock.getAsLong());
        }

        void record(long waitedNanos) {
            roll();
            long millis = TimeUnit.NANOSECONDS.toMillis(Math.max(0, waitedNanos));
            current.incrementAndGet((int) Math.min(BUCKETS - 1, millis / STEP_MILLIS));
        }

        long recentMillis() {
            roll();
            AtomicLongArray now = current;
            AtomicLongArray before = previous;
            long total = 0;
            for (int i = 0; i < BUCKETS; i++) {
                total += now.get(i) + before.get(i);
            }
            if (total < MIN_MESSAGES) {
                return 0;
            }
            long rank = (long) Math.ceil(total * PERCENTILE);
            long seen = 0;
            for (int i = 0; i < BUCKETS; i++) {
                seen += now.get(i) + before.get(i);
                if (seen >= rank) {
                    return (long) i * STEP_MILLIS;
                }
            }
            return LIMIT_MILLIS;
        }

        private void roll() {
            long now = clock.getAsLong();
            long start = windowStart.get();
            long elapsed = now - start;
            if (elapsed >= WINDOW_NANOS && windowStart.compareAndSet(start, now)) {
                previous = elapsed >= 2 * WINDOW_NANOS ? new AtomicLongArray(BUCKETS) : current;
                current = new AtomicLongArray(BUCKETS);
            }
        }
    }
}
