package org.openpchat.chat.application.compliance;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Moves compliance events from the outbox (mgc) to the compliance queue, in outbox order, batch
 * by batch. The pools are not XA, so a batch is a database transaction that takes the pool-wide
 * {@link ComplianceRelayLock}, reads the batch, sends it in a transaction of its own (committed
 * there), and only then removes it and commits. A failure or crash before the sends commit leaves
 * the batch in the outbox (sent again later); one between the send commit and the removal's
 * commit sends it twice, and the queue's consumer stores each event id once. So every committed
 * event reaches mgccomp exactly once. The lock keeps the servers of a pool, which all relay the
 * one outbox, from reading a batch another is sending. Plain Java, so the ordering of the steps
 * is unit-tested with fakes; {@link ComplianceRelay} runs it in the server.
 */
public class ComplianceOutboxRelay {

    /** Runs a step in a transaction of its own, committed when it returns. */
    public interface Transactions {

        <T> T inNewTransaction(Supplier<T> work);
    }

    /** A hook between committed sends and their removal (tests simulate a crash there). */
    public interface AfterSend {

        AfterSend NOTHING = sent -> { };

        void sent(List<ComplianceOutbox.Entry> batch);
    }

    public static final int DEFAULT_BATCH = 200;

    private final ComplianceOutbox outbox;
    private final ComplianceRelayLock lock;
    private final ComplianceEventPublisher queue;
    private final Transactions transactions;
    private final int batchSize;
    private final AfterSend afterSend;

    public ComplianceOutboxRelay(ComplianceOutbox outbox, ComplianceRelayLock lock, ComplianceEventPublisher queue,
            Transactions transactions, int batchSize, AfterSend afterSend) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize);
        }
        this.outbox = Objects.requireNonNull(outbox);
        this.lock = Objects.requireNonNull(lock);
        this.queue = Objects.requireNonNull(queue);
        this.transactions = Objects.requireNonNull(transactions);
        this.batchSize = batchSize;
        this.afterSend = Objects.requireNonNull(afterSend);
    }

    /**
     * Sends everything the outbox holds now and returns how many events were sent. A failure
     * propagates after the batches before it were sent and removed; the rest stays for the next run.
     */
    public int relayAll() {
        int sent = 0;
        int size;
        do {
            size = transactions.inNewTransaction(this::relayBatch);
            sent += size;
        } while (size == batchSize);
        return sent;
    }

    /** One batch, in the caller's transaction (which holds the lock until it ends): its size. */
    private int relayBatch() {
        lock.take();
        List<ComplianceOutbox.Entry> batch = outbox.oldest(batchSize);
        if (batch.isEmpty()) {
            return 0;
        }
        transactions.inNewTransaction(() -> {
            queue.publishAll(batch.stream().map(ComplianceOutbox.Entry::event).toList());
            return null;
        });
        afterSend.sent(batch);
        outbox.remove(batch.stream().map(ComplianceOutbox.Entry::sequence).toList());
        return batch.size();
    }
}
