package org.openpchat.chat.sip.chat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Items handed in one by one and worked off in batches of at most {@code batchSize}, by one
 * drainer at a time on an executor: items added while it runs go into its next batches. A batch
 * whose work fails is logged and dropped; the drainer goes on with the next.
 */
final class BatchDrain<T> {

    private static final Logger LOG = Logger.getLogger(BatchDrain.class.getName());

    private final int batchSize;
    private final Consumer<List<T>> work;
    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    BatchDrain(int batchSize, Consumer<List<T>> work) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize);
        }
        this.batchSize = batchSize;
        this.work = work;
    }

    /** Queues the items and starts a drainer on the executor unless one runs; a refusing executor leaves them queued. */
    void addAll(Collection<T> items, Executor executor) {
        queue.addAll(items);
        startDraining(executor);
    }

    /** Works off what is queued on this thread (when the executor is going away), unless a drainer runs. */
    void drainHere() {
        if (draining.compareAndSet(false, true)) {
            drain(null);
        }
    }

    int queued() {
        return queue.size();
    }

    private void startDraining(Executor executor) {
        if (!queue.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                executor.execute(() -> drain(executor));
            } catch (RejectedExecutionException e) {
                draining.set(false);
                LOG.log(Level.FINE, "drainer not started; the items wait", e);
            }
        }
    }

    private void drain(Executor executor) {
        try {
            List<T> batch;
            while (!(batch = next()).isEmpty()) {
                try {
                    work.accept(batch);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a batch of " + batch.size() + " failed", e);
                }
            }
        } finally {
            draining.set(false);
            if (executor != null) {
                startDraining(executor); // one added after the last poll, before the flag fell
            }
        }
    }

    private List<T> next() {
        List<T> batch = new ArrayList<>();
        T item;
        while (batch.size() < batchSize && (item = queue.poll()) != null) {
            batch.add(item);
        }
        return batch;
    }
}
