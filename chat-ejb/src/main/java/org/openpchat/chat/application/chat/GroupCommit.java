package org.openpchat.chat.application.chat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Stores requests that arrive together in one transaction. A caller whose request is queued
 * becomes a writer if fewer than {@code writers} are at work: it takes everything queued (up to
 * {@code maxBatch}) and stores it; the other callers wait until a writer has stored theirs. When
 * requests come one at a time each is stored alone, at once; when they queue (the database's
 * commit is the limit) one commit serves many, which is what keeps the server's throughput up
 * at its limit. No thread of its own: the callers' threads do the work.
 *
 * @param <R> a request
 * @param <O> its outcome; {@code store} returns one per request, in the requests' order
 */
public final class GroupCommit<R, O> {

    private final int writers;
    private final int maxBatch;
    private final Function<List<R>, List<O>> store;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stored = lock.newCondition();
    private final Queue<Pending<R, O>> queue = new ArrayDeque<>();
    private int working;
    private long batches;
    private long requests;

    public GroupCommit(int writers, int maxBatch, Function<List<R>, List<O>> store) {
        if (writers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("writers and batch size must be at least 1");
        }
        this.writers = writers;
        this.maxBatch = maxBatch;
        this.store = store;
    }

    /**
     * Stores the request with whatever else is queued and returns its outcome; throws what
     * {@code store} threw for the batch it was in (then none of that batch was stored).
     */
    public O submit(R request) {
        Pending<R, O> mine = new Pending<>(request);
        lock.lock();
        try {
            queue.add(mine);
            while (!mine.done) {
                if (working < writers) {
                    write();
                } else {
                    stored.awaitUninterruptibly();
                }
            }
        } finally {
            lock.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.outcome;
    }

    /** Called holding the lock, which it gives up while the batch is stored. */
    private void write() {
        List<Pending<R, O>> batch = new ArrayList<>();
        while (batch.size() < maxBatch && !queue.isEmpty()) {
            batch.add(queue.poll());
        }
        working++;
        List<O> outcomes = null;
        RuntimeException failure = null;
        lock.unlock();
        try {
            outcomes = store.apply(batch.stream().map(pending -> pending.request).toList());
            if (outcomes.size() != batch.size()) {
                failure = new IllegalStateException(outcomes.size() + " outcomes for " + batch.size() + " requests");
            }
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException("a batch could not be stored", e);
        } finally {
            lock.lock();
        }
        working--;
        batches++;
        requests += batch.size();
        for (int i = 0; i < batch.size(); i++) {
            Pending<R, O> pending = batch.get(i);
            pending.failure = failure;
            pending.outcome = failure == null ? outcomes.get(i) : null;
            pending.done = true;
        }
        stored.signalAll();
    }

    /** Requests waiting for a writer now. */
    public int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Batches stored (or failed) since the start: transactions. */
    public long batches() {
        lock.lock();
        try {
            return batches;
        } finally {
            lock.unlock();
        }
    }

    /** Requests stored per batch since the start (1.0 while nothing queues). */
    public double averageBatch() {
        lock.lock();
        try {
            return batches == 0 ? 0 : (double) requests / batches;
        } finally {
            lock.unlock();
        }
    }

    private static final class Pending<R, O> {
        private final R request;
        private boolean done;
        private O outcome;
        private RuntimeException failure;

        private Pending(R request) {
            this.request = request;
        }
    }
}
