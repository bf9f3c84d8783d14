package org.openpchat.chat.application.compliance;

import java.util.List;
import org.openpchat.chat.domain.compliance.ComplianceEvent;

/** The captured events in mgccomp (Lync's tblComplianceData). */
public interface ComplianceStore {

    /** Stores the event unless one with its id is already there; returns false for a duplicate. */
    boolean storeOnce(ComplianceEvent event);

    /** Stores, in order, each event whose id is not there yet (nor earlier in the list); returns how many. */
    default int storeAllOnce(List<ComplianceEvent> events) {
        int stored = 0;
        for (ComplianceEvent event : events) {
            stored += storeOnce(event) ? 1 : 0;
        }
        return stored;
    }

    /** Events not yet exported, oldest first, at most {@code max}. */
    List<StoredComplianceEvent> unprocessed(int max);

    void markProcessed(List<Long> sequences);

    void purge(List<Long> sequences);

    /** Every stored event of a room, processed or not, oldest first (for audits and tests). */
    List<StoredComplianceEvent> ofRoom(String roomUid);

    long countUnprocessed();

    long countOfRoom(String roomUid);
}
