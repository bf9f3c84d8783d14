package org.openpchat.chat.application.compliance;

import java.time.Instant;

/**
 * The pool-wide claim on the compliance export (one row in mgccomp): every export batch takes it
 * before it reads any event, so the batches of all the servers on one mgccomp run one after the
 * other, and it holds when the pool last started an export run, so that RunInterval is the
 * pool's and not each server's. Both methods work in the caller's (mgccomp) transaction.
 */
public interface ComplianceExportClaim {

    /**
     * Takes the claim until the current transaction ends (another server's claim waits until
     * then) and returns when the pool last started an export run, {@link Instant#EPOCH} if never.
     */
    Instant claim();

    /** Under the claim: records that this server started an export run at this time. */
    void recordRun(Instant at);
}
