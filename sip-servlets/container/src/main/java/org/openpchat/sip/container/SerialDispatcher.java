package org.openpchat.sip.container;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs tasks on the container's WorkManager threads, one at a time per key (a Call-ID, an
 * application session, a connection), in the order they were submitted; different keys run in
 * parallel, at most {@code maxRunning} at once. Keys beyond that wait their turn in order. A key
 * with a long queue gives its thread up after {@value #TURN} tasks and queues again behind the
 * others, so one busy dialog cannot hold a thread while the rest wait.
 *
 * <p>The bound exists for the servlet deliveries: each running task may hold one instance of a
 * message-driven bean, and GlassFish refuses a delivery beyond the bean's pool (32 by default)
 * instead of waiting for one.
 *
 * <p>No lock is shared by all keys (every request and every message to a client passes here, and
 * one global monitor was the most contended in the server at 11,250 deliveries a second): a key's
 * queue changes only inside {@link ConcurrentHashMap#compute}, the slots are a counter, and the
 * keys waiting for a slot a concurrent queue. A key is in {@code queues} exactly while a drain of
 * it runs or it waits for one. Whoever frees a slot and whoever queues a waiting key each look
 * again at the other's side afterwards, so no waiting key is left behind with a slot free.
 */
final class SerialDispatcher {

    static final int UNBOUNDED = Integer.MAX_VALUE;
    private static final Logger LOG = Logger.getLogger(SerialDispatcher.class.getName());
    private static final int TURN = 16;

    private final WorkManager workManager;
    private final int maxRunning;
    private final ConcurrentHashMap<String, ArrayDeque<Runnable>> queues = new ConcurrentHashMap<>();
    private final Queue<String> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();

    SerialDispatcher(WorkManager workManager, int maxRunning) {
        if (maxRunning < 1) {
            throw new IllegalArgumentException("maxRunning must be at least 1, not " + maxRunning);
        }
        this.workManager = workManager;
        this.maxRunning = maxRunning;
    }

    void execute(String key, Runnable task) {
        boolean[] first = new boolean[1];
        queues.compute(key, (k, queue) -> {
            if (queue == null) {
                queue = new ArrayDeque<>();
                first[0] = true;
            }
            queue.add(task);
            return queue;
        });
        if (!first[0]) {
            return; // its drain runs, or it waits for a slot
        }
        if (takeSlot()) {
            schedule(key);
        } else {
            waiting.add(key);
            startWaiting();
        }
    }

    /** Keys with tasks, running or waiting. */
    int activeKeys() {
        return queues.size();
    }

    private boolean takeSlot() {
        for (int now = running.get(); now < maxRunning; now = running.get()) {
            if (running.compareAndSet(now, now + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Gives free slots to waiting keys. */
    private void startWaiting() {
        while (!waiting.isEmpty() && takeSlot()) {
            String key = waiting.poll();
            if (key == null) {
                running.decrementAndGet(); // another thread took it; look again
            } else {
                schedule(key);
            }
        }
    }

    private void schedule(String key) {
        try {
            workManager.scheduleWork(new Drain(key));
        } catch (WorkException e) {
            LOG.log(Level.SEVERE, "WorkManager refused SIP work; dropping queued tasks of " + key, e);
            queues.remove(key);
            finished();
        }
    }

    /** A drain ended: its slot goes to the first waiting key, or is freed. */
    private void finished() {
        String next = waiting.poll();
        if (next != null) {
            schedule(next);
        } else {
            running.decrementAndGet();
            startWaiting();
        }
    }

    /** The next task of a key, or null when its turn is over: then the key is done or waits again. */
    private Runnable next(String key, int done) {
        Runnable[] task = new Runnable[1];
        boolean[] again = new boolean[1];
        queues.computeIfPresent(key, (k, queue) -> {
            if (queue.isEmpty()) {
                return null;
            }
            if (done >= TURN && !waiting.isEmpty()) {
                again[0] = true;
            } else {
                task[0] = queue.poll();
            }
            return queue;
        });
        if (again[0]) {
            waiting.add(key);
        }
        return task[0];
    }

    private final class Drain implements Work {

        private final String key;

        Drain(String key) {
            this.key = key;
        }

        @Override
        public void run() {
            int done = 0;
            for (Runnable task = next(key, done); task != null; task = next(key, ++done)) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "SIP task failed", e);
                }
            }
            finished();
        }

        @Override
        public void release() {
            // tasks are short; nothing to interrupt
        }
    }
}
