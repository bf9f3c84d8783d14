package org.openpchat.sip.container;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes to each TCP or TLS connection in order, off the caller's thread, so that a client that
 * stops reading holds up nobody but itself: JAIN-SIP writes to a socket with a blocking write, and
 * a fan-out that wrote inline would stop at the first full socket. A connection with more than
 * {@link WriteLimits#maxQueued()} messages waiting, or whose write has blocked for longer than
 * {@link WriteLimits#stall()}, is cut; what was waiting for it is dropped. UDP is written inline:
 * a datagram never blocks.
 */
final class ConnectionWriters {

    private static final Logger LOG = Logger.getLogger(ConnectionWriters.class.getName());

    private static final class Backlog {
        final AtomicInteger queued = new AtomicInteger();
        final Queue<Long> enqueuedAt = new ConcurrentLinkedQueue<>();
        volatile long writingSince;
        volatile boolean cut;
    }

    private final SerialDispatcher writers;
    private final WriteLimits limits;
    private final LongConsumer cutConnection;
    private final Map<Long, Backlog> backlogs = new ConcurrentHashMap<>();
    private final DeliveryDelay delay;
    private final WriteLatency latency = new WriteLatency();
    private final LongAdder slowCuts = new LongAdder();
    private final LongAdder failedCuts = new LongAdder();

    /** {@code delay} hears how long each message took from being queued until it was written. */
    ConnectionWriters(SerialDispatcher writers, WriteLimits limits, DeliveryDelay delay, LongConsumer cutConnection) {
        this.writers = writers;
        this.limits = limits;
        this.delay = delay;
        this.cutConnection = cutConnection;
    }

    /** Runs {@code write} after the earlier writes to the flow's connection. */
    void write(Flow flow, Runnable write) {
        if (flow == null || flow.connection() == 0) {
            write.run();
            return;
        }
        long connection = flow.connection();
        Backlog backlog = backlogs.computeIfAbsent(connection, id -> new Backlog());
        if (backlog.cut) {
            return;
        }
        if (backlog.queued.incrementAndGet() > limits.maxQueued()) {
            backlog.queued.decrementAndGet();
            cut(connection, backlog, "more than " + limits.maxQueued() + " messages are waiting for it");
            return;
        }
        backlog.enqueuedAt.add(System.nanoTime());
        writers.execute("connection-" + connection, () -> {
            try {
                Long enqueued = backlog.enqueuedAt.poll();
                if (!backlog.cut) {
                    backlog.writingSince = System.nanoTime();
                    write.run();
                    if (enqueued != null) { // until written: a write blocked by a full socket is late too
                        long took = System.nanoTime() - enqueued;
                        delay.record(DeliveryDelay.Queue.WRITES, took);
                        latency.record(took);
                    }
                }
            } finally {
                backlog.writingSince = 0;
                if (backlog.queued.decrementAndGet() <= 0 && !backlog.cut) { // a cut one stays until cutStalled
                    backlogs.computeIfPresent(connection, (id, b) -> b.queued.get() <= 0 && !b.cut ? null : b);
                }
            }
        });
    }

    /**
     * Cuts every connection whose current write has blocked for longer than the limit, and counts
     * how long the oldest waiting message of each has waited; run every second.
     */
    void cutStalled() {
        long now = System.nanoTime();
        // a cut connection is remembered until what waited for it has drained, then forgotten:
        // its sessions were ended with the cut, so nothing more is sent to it
        backlogs.values().removeIf(backlog -> backlog.cut && backlog.queued.get() <= 0);
        backlogs.forEach((connection, backlog) -> {
            Long oldest = backlog.enqueuedAt.peek();
            if (oldest != null) {
                delay.record(DeliveryDelay.Queue.WRITES, now - oldest);
            }
            long since = backlog.writingSince;
            if (since != 0 && now - since > limits.stall().toNanos()) {
                cut(connection, backlog, "a write to it has blocked for more than " + limits.stall().toSeconds() + " s");
            }
        });
    }

    /**
     * A write to the connection failed, or found it closed: it is cut as a stalled one is, and
     * what waits for it is dropped. Clients close connections, so that is no warning.
     */
    void failed(long connection, Level level, String why) {
        Backlog backlog = backlogs.computeIfAbsent(connection, id -> new Backlog());
        if (cut(connection, backlog, level, why)) {
            failedCuts.increment();
        }
    }

    /** The connection's client has stopped reading ({@link NonBlockingWriter}): it is cut as a stalled one is. */
    void slow(long connection, String why) {
        cut(connection, backlogs.computeIfAbsent(connection, id -> new Backlog()), why);
    }

    private void cut(long connection, Backlog backlog, String why) {
        if (cut(connection, backlog, Level.WARNING, why)) {
            slowCuts.increment();
        }
    }

    /** False if it was cut already. */
    private boolean cut(long connection, Backlog backlog, Level level, String why) {
        synchronized (backlog) {
            if (backlog.cut) {
                return false;
            }
            backlog.cut = true;
        }
        LOG.log(level, "closing SIP connection #" + connection + ": " + why);
        cutConnection.accept(connection);
        return true;
    }

    /** Messages waiting to be written now, over all connections. */
    long queued() {
        long queued = 0;
        for (Backlog backlog : backlogs.values()) {
            queued += Math.max(0, backlog.queued.get());
        }
        return queued;
    }

    long slowCuts() {
        return slowCuts.sum();
    }

    long failedCuts() {
        return failedCuts.sum();
    }

    WriteLatency latency() {
        return latency;
    }
}
