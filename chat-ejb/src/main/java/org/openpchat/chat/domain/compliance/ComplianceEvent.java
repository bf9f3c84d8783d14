package org.openpchat.chat.domain.compliance;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * One participant event captured for compliance. {@code eventId} makes storing it idempotent;
 * {@code messageId} is the room's message id for CHAT and 0 otherwise; {@code userId} is the
 * directory's numeric id of the user (0 when unknown, e.g. an administrator).
 */
public record ComplianceEvent(String eventId, ComplianceEventType type, Instant occurredAt, ComplianceRoom room,
        ComplianceUser user, long messageId, String content) implements Serializable {

    public static final int MAX_CONTENT = 8000;

    public ComplianceEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(user, "user");
        try {
            eventId = UUID.fromString(Objects.requireNonNull(eventId, "eventId")).toString();
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("a compliance event id is a UUID: " + eventId);
        }
        if (!type.hasContent()) {
            content = null;
        }
        if (content != null && content.length() > MAX_CONTENT) {
            throw DomainException.invalid("compliance content too large: " + content.length());
        }
        if (messageId < 0) {
            throw DomainException.invalid("negative message id");
        }
    }

    public static ComplianceEvent of(ComplianceEventType type, Instant at, ComplianceRoom room, ComplianceUser user,
            long messageId, String content) {
        return new ComplianceEvent(UUID.randomUUID().toString(), type, at, room, user, messageId, content);
    }
}
