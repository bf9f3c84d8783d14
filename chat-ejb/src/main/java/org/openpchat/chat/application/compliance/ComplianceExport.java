package org.openpchat.chat.application.compliance;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.openpchat.chat.application.compliance.adapter.ComplianceAdapter;
import org.openpchat.chat.domain.compliance.Conversation;

/**
 * One export batch in one mgccomp transaction: read the oldest unprocessed events, hand them to
 * the adapter, then purge or mark them. If the adapter fails the transaction rolls back and the
 * events are offered again; a file written before a failed commit is written again (at least
 * once, never lost).
 */
@Stateless
public class ComplianceExport {

    public static final int BATCH_SIZE = 5000;

    @Inject
    private ComplianceStore store;

    public ComplianceExport() {
    }

    /** Outside the container (tests): from this store. */
    public ComplianceExport(ComplianceStore store) {
        this.store = store;
    }

    /** Returns how many events were exported (0 when there was nothing new). */
    public int exportBatch(ComplianceAdapter adapter, boolean purge) {
        List<StoredComplianceEvent> batch = store.unprocessed(BATCH_SIZE);
        if (batch.isEmpty()) {
            return 0;
        }
        adapter.translate(Conversation.group(batch.stream().map(StoredComplianceEvent::event).toList()));
        List<Long> sequences = batch.stream().map(StoredComplianceEvent::sequence).toList();
        if (purge) {
            store.purge(sequences);
        } else {
            store.markProcessed(sequences);
        }
        return batch.size();
    }
}
