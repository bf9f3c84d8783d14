package org.openpchat.sip.container;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs tasks on the container's WorkManager threads, one at a time per key (a Call-ID or an
 * application session), in the order they were submitted; different keys run in parallel.
 */
final class SerialDispatcher {

    private static final Logger LOG = Logger.getLogger(SerialDispatcher.class.getName());

    private final WorkManager workManager;
    private final Map<String, Queue<Runnable>> queues = new ConcurrentHashMap<>();

    SerialDispatcher(WorkManager workManager) {
        this.workManager = workManager;
    }

    void execute(String key, Runnable task) {
        boolean start = false;
        synchronized (this) {
            Queue<Runnable> queue = queues.get(key);
            if (queue == null) {
                queue = new ArrayDeque<>();
                queues.put(key, queue);
                start = true;
            }
            queue.add(task);
        }
        if (start) {
            schedule(key);
        }
    }

    private void schedule(String key) {
        try {
            workManager.scheduleWork(new Drain(key));
        } catch (WorkException e) {
            LOG.log(Level.SEVERE, "WorkManager refused SIP work; dropping queued tasks of " + key, e);
            synchronized (this) {
                queues.remove(key);
            }
        }
    }

    private Runnable next(String key) {
        synchronized (this) {
            Queue<Runnable> queue = queues.get(key);
            Runnable task = queue == null ? null : queue.poll();
            if (task == null) {
                queues.remove(key);
            }
            return task;
        }
    }

    /** Drains a key's queue; several keys drain on several threads. */
    private final class Drain implements Work {

        private final String key;

        Drain(String key) {
            this.key = key;
        }

        @Override
        public void run() {
            for (Runnable task = next(key); task != null; task = next(key)) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "SIP task failed", e);
                }
            }
        }

        @Override
        public void release() {
            // tasks are short; nothing to interrupt
        }
    }
}
