package org.openpchat.chat.application.compliance;

/**
 * The pool-wide lock of the compliance relay: every server of a pool relays the one outbox, and
 * one batch at a time may be read, sent and removed, or two servers would send the same events.
 */
public interface ComplianceRelayLock {

    /**
     * Takes the lock in the caller's transaction, waiting while another server's batch holds it;
     * it is released when that transaction ends.
     */
    void take();
}
