package org.openpchat.chat.application.compliance;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Moves compliance events from the outbox (mgc) to the compliance queue, in outbox order, batch
 * by batch. The pools are not XA, so each step is its own transaction: read a batch; send it and
 * commit the sends; only then remove it. A failure or crash before the sends commit leaves the
 * batch in the outbox (sent again later); one between the send commit and the removal sends it
 * twice, and the queue's consumer stores each event id once. So every committed event reaches
 * mgccomp exactly once. Plain Java, so the ordering of the steps is unit-tested with fakes;
 * {@link ComplianceRelay} runs it in the server.
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
    private final ComplianceEventPublisher queue;
    private final Transactions transactions;
    private final int batchSize;
    private final AfterSend afterSend;

    public ComplianceOutboxRelay(ComplianceOutbox outbox, ComplianceEventPublisher queue, Transactions transactions,
            int batchSize, AfterSend afterSend) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize);
        }
        this.outbox = Objects.requireNonNull(outbox);
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
        List<ComplianceOutbox.Entry> batch;
        do {
            batch = transactions.inNewTransaction(() -> outbox.oldest(batchSize));
            if (batch.isEmpty()) {
                break;
            }
            List<ComplianceOutbox.Entry> toSend = batch;
            transactions.inNewTransaction(() -> {
                queue.publishAll(toSend.stream().map(ComplianceOutbox.Entry::event).toList());
                return null;
            });
            afterSend.sent(batch);
            List<Long> sequences = batch.stream().map(ComplianceOutbox.Entry::sequence).toList();
            transactions.inNewTransaction(() -> {
                outbox.remove(sequences);
                return null;
            });
            sent += batch.size();
        } while (batch.size() == batchSize);
        return sent;
    }
}
