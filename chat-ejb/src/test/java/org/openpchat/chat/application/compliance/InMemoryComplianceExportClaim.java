package org.openpchat.chat.application.compliance;

import java.time.Instant;
import java.util.List;

/**
 * The pool's export claim held in memory for use case tests: the pool's last run, and a journal
 * (shared with the test) where each claim and recorded run is written.
 */
final class InMemoryComplianceExportClaim implements ComplianceExportClaim {

    private final List<String> journal;
    Instant lastRun = Instant.EPOCH;

    InMemoryComplianceExportClaim(List<String> journal) {
        this.journal = journal;
    }

    @Override
    public Instant claim() {
        journal.add("claim");
        return lastRun;
    }

    @Override
    public void recordRun(Instant at) {
        journal.add("run " + at);
        lastRun = at;
    }
}
