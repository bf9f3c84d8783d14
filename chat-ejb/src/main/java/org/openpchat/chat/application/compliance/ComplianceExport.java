package org.openpchat.chat.application.compliance;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openpchat.chat.application.compliance.adapter.ComplianceAdapter;
import org.openpchat.chat.domain.compliance.Conversation;

/**
 * The export's transactions in mgccomp, each under the pool-wide {@link ComplianceExportClaim}.
 * One export batch in one transaction: take the claim, read the oldest unprocessed events, hand
 * them to the adapter, then purge or mark them. If the adapter fails the transaction rolls back
 * and the events are offered again; a file written before a failed commit is written again (at
 * least once, never lost). A second server's batch waits for the claim and then reads what the
 * first left unprocessed, so no event is exported by two servers.
 * A run (the batches of one scheduled or manual export) starts in a transaction of its own that
 * records it on the claim: the scheduled one only when the pool's last run is at least the run
 * interval ago, read under the claim, so several servers ticking at once start one run.
 */
@Stateless
public class ComplianceExport {

    public static final int BATCH_SIZE = 5000;

    @Inject
    private ComplianceStore store;
    @Inject
    private ComplianceExportClaim claim;
    private final Clock clock;

    public ComplianceExport() {
        this.clock = Clock.systemUTC();
    }

    /** Outside the container (tests): from this store, under this claim, by this clock. */
    public ComplianceExport(ComplianceStore store, ComplianceExportClaim claim, Clock clock) {
        this.store = store;
        this.claim = claim;
        this.clock = clock;
    }

    /**
     * Starts a scheduled run if the pool last started one at least {@code interval} ago (by
     * whichever server): records the run and returns true; otherwise changes nothing and returns
     * false. The run is recorded before any batch, so a run that fails is tried again after the
     * interval, not at every tick of every server.
     */
    public boolean startRunIfDue(Duration interval) {
        Instant lastRun = claim.claim();
        Instant now = clock.instant(); // after the claim, which may have waited for another server
        if (now.isBefore(lastRun.plus(interval))) {
            return false;
        }
        claim.recordRun(now);
        return true;
    }

    /** Starts a run by hand, whatever the interval; the next scheduled run is an interval later. */
    public void startRun() {
        claim.claim();
        claim.recordRun(clock.instant());
    }

    /** Returns how many events were exported (0 when there was nothing new). */
    public int exportBatch(ComplianceAdapter adapter, boolean purge) {
        claim.claim();
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
