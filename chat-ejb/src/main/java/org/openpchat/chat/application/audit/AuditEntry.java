package org.openpchat.chat.application.audit;

import java.io.Serializable;
import java.time.Instant;

/**
 * One change: who made it, when, which cmdlet it was, what it touched, and the item before and
 * after as JSON (null when it did not exist).
 */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String before,
        String after) implements Serializable {
}
