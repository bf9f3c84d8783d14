package org.openpchat.chat.infrastructure.compliance;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;
import org.openpchat.chat.domain.compliance.ComplianceRoom;
import org.openpchat.chat.domain.compliance.ComplianceUser;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * A compliance event as a JMS MapMessage: typed fields, no Java serialisation (so a consumer of
 * another version, or another language through the broker, can read it). The event id and type
 * are also message properties, for selectors and for tracing dead letters.
 */
public final class ComplianceMessageCodec {

    public static final String FORMAT = "pchatComplianceFormat";
    public static final String EVENT_ID = "pchatEventId";
    public static final String EVENT_TYPE = "pchatEventType";
    static final int VERSION = 1;

    private ComplianceMessageCodec() {
    }

    public static void write(ComplianceEvent event, MapMessage message) throws JMSException {
        message.setIntProperty(FORMAT, VERSION);
        message.setStringProperty(EVENT_ID, event.eventId());
        message.setStringProperty(EVENT_TYPE, event.type().name());
        message.setString("eventId", event.eventId());
        message.setString("type", event.type().name());
        message.setString("occurredAt", event.occurredAt().toString());
        message.setString("roomUid", event.room().uid());
        message.setString("roomUri", event.room().uri());
        message.setString("roomName", event.room().name());
        message.setString("roomCategory", event.room().category());
        message.setString("roomDescription", event.room().description());
        message.setString("userUri", event.user().uri());
        message.setString("userName", event.user().displayName());
        message.setLong("userId", event.user().id());
        message.setBoolean("userInternal", event.user().internal());
        message.setLong("messageId", event.messageId());
        message.setString("content", event.content());
    }

    public static ComplianceEvent read(Message message) throws PoisonMessageException {
        if (!(message instanceof MapMessage map)) {
            throw new PoisonMessageException("not a MapMessage: " + message.getClass().getName());
        }
        try {
            if (!message.propertyExists(FORMAT) || message.getIntProperty(FORMAT) != VERSION) {
                throw new PoisonMessageException("unknown compliance message format " + message.getObjectProperty(FORMAT));
            }
            return new ComplianceEvent(required(map, "eventId"), ComplianceEventType.valueOf(required(map, "type")),
                    Instant.parse(required(map, "occurredAt")),
                    new ComplianceRoom(required(map, "roomUid", ComplianceEventColumns.ROOM_UID_LENGTH),
                            required(map, "roomUri", ComplianceEventColumns.URI_LENGTH),
                            required(map, "roomName", ComplianceEventColumns.NAME_LENGTH),
                            optional(map, "roomCategory", ComplianceEventColumns.NAME_LENGTH),
                            optional(map, "roomDescription", ComplianceEventColumns.ROOM_DESCRIPTION_LENGTH)),
                    new ComplianceUser(required(map, "userUri", ComplianceEventColumns.URI_LENGTH),
                            optional(map, "userName", ComplianceEventColumns.NAME_LENGTH), map.getLong("userId"),
                            map.getBoolean("userInternal")),
                    map.getLong("messageId"), map.getString("content"));
        } catch (JMSException | DomainException | DateTimeParseException | IllegalArgumentException
                | NullPointerException e) {
            throw new PoisonMessageException("invalid compliance event: " + e, e);
        }
    }

    private static String required(MapMessage map, String name) throws JMSException, PoisonMessageException {
        String value = map.getString(name);
        if (value == null || value.isBlank()) {
            throw new PoisonMessageException("compliance event without " + name);
        }
        return value;
    }

    private static String required(MapMessage map, String name, int maxLength)
            throws JMSException, PoisonMessageException {
        return fitting(name, required(map, name), maxLength);
    }

    private static String optional(MapMessage map, String name, int maxLength)
            throws JMSException, PoisonMessageException {
        return fitting(name, map.getString(name), maxLength);
    }

    /** A value longer than its mgccomp column would fail every delivery: it is poison, not a failure. */
    private static String fitting(String name, String value, int maxLength) throws PoisonMessageException {
        if (value != null && value.length() > maxLength) {
            throw new PoisonMessageException("compliance event with a " + name + " of " + value.length()
                    + " characters; mgccomp stores at most " + maxLength);
        }
        return value;
    }
}
