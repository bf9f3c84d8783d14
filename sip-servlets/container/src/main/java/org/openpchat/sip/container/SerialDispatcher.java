package org.openpchat.sip.container;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
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
 */
final class SerialDispatcher {

    static final int UNBOUNDED = Integer.MAX_VALUE;
    private static final Logger LOG = Logger.getLogger(SerialDispatcher.class.getName());
    private static final int TURN = 16;

    private final WorkManager workManager;
    private final int maxRunning;
    private final Map<String, Queue<Runnable>> queues = new HashMap<>();
    private final Queue<String> waiting = new ArrayDeque<>();
    private int running;

    SerialDispatcher(WorkManager workManager, int maxRunning) {
        if (maxRunning < 1) {
            throw new IllegalArgumentException("maxRunning must be at least 1, not " + maxRunning);
        }
        this.workManager = workManager;
        this.maxRunning = maxRunning;
    }

    void execute(String key, Runnable task) {
        synchronized (this) {
            Queue<Runnable> queue = queues.get(key);
            if (queue != null) {
                queue.add(task);
                return;
            }
            queue = new ArrayDeque<>();
            queue.add(task);
            queues.put(key, queue);
            if (running >= maxRunning) {
                waiting.add(key);
                return;
            }
            running++;
        }
        schedule(key);
    }

    /** Keys with tasks, running or waiting. */
    synchronized int activeKeys() {
        return queues.size();
    }

    private void schedule(String key) {
        try {
            workManager.scheduleWork(new Drain(key));
        } catch (WorkException e) {
            LOG.log(Level.SEVERE, "WorkManager refused SIP work; dropping queued tasks of " + key, e);
            String next;
            synchronized (this) {
                queues.remove(key);
                next = handOver();
            }
            if (next != null) {
                schedule(next);
            }
        }
    }

    /** The next task of a key, or null when its turn is over: then the key is done or queued again. */
    private Runnable next(String key, int done) {
        synchronized (this) {
            Queue<Runnable> queue = queues.get(key);
            if (queue.isEmpty()) {
                queues.remove(key);
                return null;
            }
            if (done >= TURN && !waiting.isEmpty()) {
                waiting.add(key);
                return null;
            }
            return queue.poll();
        }
    }

    /** Gives a finished drain's slot to the first waiting key; null if none waits (the slot is freed). */
    private String handOver() {
        String next = waiting.poll();
        if (next == null) {
            running--;
        }
        return next;
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
            String following;
            synchronized (SerialDispatcher.this) {
                following = handOver();
            }
            if (following != null) {
                schedule(following);
            }
        }

        @Override
        public void release() {
            // tasks are short; nothing to interrupt
        }
    }
}
