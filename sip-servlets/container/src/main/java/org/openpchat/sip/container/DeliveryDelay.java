package org.openpchat.sip.container;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * How long messages have lately waited in the container's queues: requests from clients before
 * their servlet got them (behind the earlier messages of their call and the bound on deliveries
 * at once), and messages to clients until they were written to their connection (queued behind
 * the earlier ones, then the write itself, which blocks while the client's socket is full: when
 * the machine runs out of CPU, clients read late and that is where it shows). The 90th
 * percentile of the waits recorded in the current second and the one before it, so the figure reacts within a second and falls back to zero two seconds after
 * the queues drain. A percentile, not the longest wait: one client that stops reading (or floods
 * its own call) makes its own messages wait, which says nothing about the server; when the
 * server falls behind, most messages wait. The writers also record, once a second, how long the oldest message still
 * queued for each connection has waited, so queues that stopped moving show as late, not idle.
 * Waits are counted in steps of {@value #STEP_MILLIS} ms up to {@value #LIMIT_MILLIS} ms; longer
 * ones count as that. Fewer than {@value #MIN_MESSAGES} messages in the two seconds is too little
 * traffic to be behind with (a client's burst at sign-in, a test): the delay is then 0.
 */
final class DeliveryDelay {

    static final int STEP_MILLIS = 10;
    static final int LIMIT_MILLIS = 10_000;
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int BUCKETS = LIMIT_MILLIS / STEP_MILLIS + 1;
    static final int MIN_MESSAGES = 100;
    private static final double PERCENTILE = 0.9;

    private final LongSupplier clock;
    private final AtomicLong windowStart;
    private volatile AtomicLongArray current = new AtomicLongArray(BUCKETS);
    private volatile AtomicLongArray previous = new AtomicLongArray(BUCKETS);

    DeliveryDelay(LongSupplier clock) {
        this.clock = clock;
        this.windowStart = new AtomicLong(clock.getAsLong());
    }

    /** A message left, or is still queued, after waiting {@code waitedNanos}. */
    void record(long waitedNanos) {
        roll();
        long millis = TimeUnit.NANOSECONDS.toMillis(Math.max(0, waitedNanos));
        current.incrementAndGet((int) Math.min(BUCKETS - 1, millis / STEP_MILLIS));
    }

    /** The 90th percentile of the recent waits, in milliseconds (0 with little traffic). */
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
