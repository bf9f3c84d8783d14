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
        writeFields(event, message, "");
    }

    /** The event's fields, each name after {@code prefix} (a batch puts several events in one message). */
    static void writeFields(ComplianceEvent event, MapMessage message, String prefix) throws JMSException {
        message.setString(prefix + "eventId", event.eventId());
        message.setString(prefix + "type", event.type().name());
        message.setString(prefix + "occurredAt", event.occurredAt().toString());
        message.setString(prefix + "roomUid", event.room().uid());
        message.setString(prefix + "roomUri", event.room().uri());
        message.setString(prefix + "roomName", event.room().name());
        message.setString(prefix + "roomCategory", event.room().category());
        message.setString(prefix + "roomDescription", event.room().description());
        message.setString(prefix + "userUri", event.user().uri());
        message.setString(prefix + "userName", event.user().displayName());
        message.setLong(prefix + "userId", event.user().id());
        message.setBoolean(prefix + "userInternal", event.user().internal());
        message.setLong(prefix + "messageId", event.messageId());
        message.setString(prefix + "content", event.content());
    }

    public static ComplianceEvent read(Message message) throws PoisonMessageException {
        if (!(message instanceof MapMessage map)) {
            throw new PoisonMessageException("not a MapMessage: " + message.getClass().getName());
        }
        try {
            if (!message.propertyExists(FORMAT) || message.getIntProperty(FORMAT) != VERSION) {
                throw new PoisonMessageException("unknown compliance message format " + message.getObjectProperty(FORMAT));
            }
        } catch (JMSException e) {
            throw new PoisonMessageException("invalid compliance event: " + e, e);
        }
        return readFields(map, "");
    }

    /** The event whose field names start with {@code prefix}. */
    static ComplianceEvent readFields(MapMessage map, String prefix) throws PoisonMessageException {
        try {
            return new ComplianceEvent(required(map, prefix, "eventId"),
                    ComplianceEventType.valueOf(required(map, prefix, "type")),
                    Instant.parse(required(map, prefix, "occurredAt")),
                    new ComplianceRoom(required(map, prefix, "roomUid", ComplianceEventColumns.ROOM_UID_LENGTH),
                            required(map, prefix, "roomUri", ComplianceEventColumns.URI_LENGTH),
                            required(map, prefix, "roomName", ComplianceEventColumns.NAME_LENGTH),
                            optional(map, prefix, "roomCategory", ComplianceEventColumns.NAME_LENGTH),
                            optional(map, prefix, "roomDescription", ComplianceEventColumns.ROOM_DESCRIPTION_LENGTH)),
                    new ComplianceUser(required(map, prefix, "userUri", ComplianceEventColumns.URI_LENGTH),
                            optional(map, prefix, "userName", ComplianceEventColumns.NAME_LENGTH),
                            map.getLong(prefix + "userId"), map.getBoolean(prefix + "userInternal")),
                    map.getLong(prefix + "messageId"), map.getString(prefix + "content"));
        } catch (JMSException | DomainException | DateTimeParseException | IllegalArgumentException
                | NullPointerException e) {
            throw new PoisonMessageException("invalid compliance event: " + e, e);
        }
    }

    private static String required(MapMessage map, String prefix, String name)
            throws JMSException, PoisonMessageException {
        String value = map.getString(prefix + name);
        if (value == null || value.isBlank()) {
            throw new PoisonMessageException("compliance event without " + name);
        }
        return value;
    }

    private static String required(MapMessage map, String prefix, String name, int maxLength)
            throws JMSException, PoisonMessageException {
        return fitting(name, required(map, prefix, name), maxLength);
    }

    private static String optional(MapMessage map, String prefix, String name, int maxLength)
            throws JMSException, PoisonMessageException {
        return fitting(name, map.getString(prefix + name), maxLength);
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
