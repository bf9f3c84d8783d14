package org.openpchat.chat.application.audit;

import java.time.Instant;
import java.util.List;

/** Where changes are recorded, in the transaction of the change. */
public interface AuditLog {

    /** {@code before} and {@code after} are item views (records of plain values) or null. */
    void record(String actor, String action, String target, Object before, Object after);

    /** Entries at or after {@code since}, oldest first. */
    List<AuditEntry> since(Instant since, int max);
}
