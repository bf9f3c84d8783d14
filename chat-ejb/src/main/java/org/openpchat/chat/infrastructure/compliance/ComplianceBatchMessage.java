package org.openpchat.chat.infrastructure.compliance;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import java.util.ArrayList;
import java.util.List;
import org.openpchat.chat.domain.compliance.ComplianceEvent;

/**
 * Several compliance events in one JMS MapMessage (format {@value #VERSION}): the relay sends what
 * it took from the outbox as one message, which the consumer stores in one transaction, instead
 * of one message and one XA transaction (with its transaction-log write) per event. Each event
 * keeps its fields, named after its index ({@code 0.eventId}, {@code 0.type}, ...), and its own
 * HMAC ({@code 0.pchatMac}), so an unreadable or altered event is refused alone and the others
 * are stored.
 */
public final class ComplianceBatchMessage {

    static final int VERSION = 2;
    /** Property: how many events the message holds. */
    public static final String EVENT_COUNT = "pchatEventCount";
    /** More than a relay ever sends in one message; a larger count is not a batch of ours. */
    static final int MAX_EVENTS = 1000;

    /**
     * The event at {@code index} was refused, for {@code reason}; {@code eventId} as the message
     * gave it (null if absent), so an operator can find the event in the outbox's sender.
     */
    public record Rejected(int index, String eventId, String reason) {

        /** The dead letter's reason: which event, and why. */
        public String describe() {
            return "event " + index + (eventId == null ? "" : " (" + eventId + ")") + " of the batch: " + reason;
        }
    }

    /** What a batch message held: the genuine events in order, and the refused ones. */
    public record Batch(List<ComplianceEvent> events, List<Rejected> rejected) {
    }

    private ComplianceBatchMessage() {
    }

    public static boolean isBatch(Message message) {
        try {
            return message instanceof MapMessage && message.propertyExists(ComplianceMessageCodec.FORMAT)
                    && message.getIntProperty(ComplianceMessageCodec.FORMAT) == VERSION;
        } catch (JMSException | RuntimeException e) {
            return false;
        }
    }

    public static void write(List<ComplianceEvent> events, ComplianceMessageMac mac, MapMessage message)
            throws JMSException {
        if (events.isEmpty() || events.size() > MAX_EVENTS) {
            throw new IllegalArgumentException("a compliance batch holds 1 to " + MAX_EVENTS + " events, not "
                    + events.size());
        }
        message.setIntProperty(ComplianceMessageCodec.FORMAT, VERSION);
        message.setIntProperty(EVENT_COUNT, events.size());
        for (int i = 0; i < events.size(); i++) {
            ComplianceEvent event = events.get(i);
            ComplianceMessageCodec.writeFields(event, message, prefix(i));
            message.setString(prefix(i) + ComplianceMessageMac.PROPERTY, mac.signature(event));
        }
    }

    /**
     * The events whose fields are readable and whose HMAC is this key's; throws only when the
     * message as a whole is not a batch (no count, or an impossible one).
     */
    public static Batch read(MapMessage message, ComplianceMessageMac mac) throws PoisonMessageException {
        int count;
        try {
            count = message.propertyExists(EVENT_COUNT) ? message.getIntProperty(EVENT_COUNT) : 0;
        } catch (JMSException | RuntimeException e) {
            throw new PoisonMessageException("compliance batch with an unreadable " + EVENT_COUNT + ": " + e, e);
        }
        if (count < 1 || count > MAX_EVENTS) {
            throw new PoisonMessageException("compliance batch of " + count + " events (1 to " + MAX_EVENTS + ")");
        }
        List<ComplianceEvent> events = new ArrayList<>(count);
        List<Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try {
                ComplianceEvent event = ComplianceMessageCodec.readFields(message, prefix(i));
                mac.verify(event, signatureOf(message, i));
                events.add(event);
            } catch (PoisonMessageException e) {
                rejected.add(new Rejected(i, claimedId(message, i), e.getMessage()));
            }
        }
        return new Batch(events, rejected);
    }

    private static String claimedId(MapMessage message, int index) {
        try {
            return message.getString(prefix(index) + "eventId");
        } catch (JMSException | RuntimeException e) {
            return null;
        }
    }

    private static String signatureOf(MapMessage message, int index) throws PoisonMessageException {
        try {
            return message.getString(prefix(index) + ComplianceMessageMac.PROPERTY);
        } catch (JMSException | RuntimeException e) {
            throw new PoisonMessageException("compliance event with an unreadable " + ComplianceMessageMac.PROPERTY
                    + ": " + e, e);
        }
    }

    private static String prefix(int index) {
        return index + ".";
    }
}
