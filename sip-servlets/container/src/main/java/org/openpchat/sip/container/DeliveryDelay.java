package org.openpchat.sip.container;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * How long messages to clients' connections have lately waited in their connection's queue
 * before being written: the longest wait seen in the current second and the one before it, so
 * the figure reacts within a second and falls back to zero two seconds after the queues drain.
 * The writers also record, once a second, how long the oldest message still queued has waited,
 * so a queue that stopped moving shows as late, not as idle.
 */
final class DeliveryDelay {

    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LongSupplier clock;
    private final AtomicLong windowStart;
    private final AtomicLong current = new AtomicLong();
    private final AtomicLong previous = new AtomicLong();

    DeliveryDelay(LongSupplier clock) {
        this.clock = clock;
        this.windowStart = new AtomicLong(clock.getAsLong());
    }

    /** A message left, or is still queued, after waiting {@code waitedNanos}. */
    void record(long waitedNanos) {
        roll();
        current.accumulateAndGet(waitedNanos, Math::max);
    }

    /** The longest wait lately, in milliseconds. */
    long recentMillis() {
        roll();
        return TimeUnit.NANOSECONDS.toMillis(Math.max(current.get(), previous.get()));
    }

    private void roll() {
        long now = clock.getAsLong();
        long start = windowStart.get();
        long elapsed = now - start;
        if (elapsed >= WINDOW_NANOS && windowStart.compareAndSet(start, now)) {
            previous.set(elapsed >= 2 * WINDOW_NANOS ? 0 : current.get());
            current.set(0);
        }
    }
}
