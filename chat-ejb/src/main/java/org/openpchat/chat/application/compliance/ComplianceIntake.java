package org.openpchat.chat.application.compliance;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpchat.chat.domain.compliance.ComplianceEvent;

/**
 * Stores the events the compliance queue delivers, each once: a redelivered event (after a
 * rollback or a crash between commit and acknowledgement) is recognised by its id.
 */
@Stateless
public class ComplianceIntake {

    private static final Logger LOG = Logger.getLogger(ComplianceIntake.class.getName());

    @Inject
    private ComplianceStore store;

    public ComplianceIntake() {
    }

    /** Outside the container (tests): into this store. */
    public ComplianceIntake(ComplianceStore store) {
        this.store = store;
    }

    /** Returns false if the event was already stored. */
    public boolean accept(ComplianceEvent event) {
        boolean stored = store.storeOnce(event);
        if (!stored) {
            LOG.log(Level.FINE, "compliance event {0} delivered again; already stored", event.eventId());
        }
        return stored;
    }

    /** Stores the events not stored yet, in one go; returns how many were new. */
    public int acceptAll(List<ComplianceEvent> events) {
        return store.storeAllOnce(events);
    }

    public List<StoredComplianceEvent> ofRoom(String roomUid) {
        return store.ofRoom(roomUid);
    }

    public long countUnprocessed() {
        return store.countUnprocessed();
    }

    public long countOfRoom(String roomUid) {
        return store.countOfRoom(roomUid);
    }
}
