package org.openpchat.chat.infrastructure.compliance;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Queue;
import java.util.ArrayList;
import java.util.List;
import org.openpchat.chat.application.compliance.ComplianceEventPublisher;
import org.openpchat.chat.domain.compliance.ComplianceEvent;

/**
 * Sends compliance events on the compliance queue through the server's (XA) connection factory:
 * inside a JTA transaction the send is part of it, so the event is delivered only on commit. The
 * outbox relay sends in transactions of their own, where the broker is the only resource. Events
 * sent together go as batch messages ({@link ComplianceBatchMessage}); each event carries its HMAC
 * ({@link ComplianceMessageMac}), which the consumer checks.
 */
@ApplicationScoped
public class JmsComplianceEventPublisher implements ComplianceEventPublisher {

    public static final String CONNECTION_FACTORY = "jms/pchat/ConnectionFactory";
    public static final String QUEUE = "jms/pchat/ComplianceQueue";
    /**
     * Events per batch message at most: with content of at most {@value ComplianceEvent#MAX_CONTENT}
     * characters each, a message stays within a few megabytes (OpenMQ accepts 70 by default).
     */
    static final int BATCH_EVENTS = 200;

    @Resource(lookup = CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;
    @Resource(lookup = QUEUE)
    private Queue queue;
    @Inject
    private ConfiguredComplianceMac mac;

    @Override
    public void publish(ComplianceEvent event) {
        publishAll(List.of(event));
    }

    @Override
    public void publishAll(List<ComplianceEvent> events) {
        ComplianceMessageMac signer = mac.get();
        send(batches(events), (batch, message) -> ComplianceBatchMessage.write(batch, signer, message));
    }

    /** Each event as a message of its own (format 1), as a batch that failed is sent again. */
    public void publishEach(List<ComplianceEvent> events) {
        ComplianceMessageMac signer = mac.get();
        send(events.stream().map(List::of).toList(), (single, message) -> {
            ComplianceMessageCodec.write(single.get(0), message);
            signer.sign(single.get(0), message);
        });
    }

    /** In order, {@link #BATCH_EVENTS} to a batch. */
    static List<List<ComplianceEvent>> batches(List<ComplianceEvent> events) {
        List<List<ComplianceEvent>> batches = new ArrayList<>();
        for (int from = 0; from < events.size(); from += BATCH_EVENTS) {
            batches.add(events.subList(from, Math.min(events.size(), from + BATCH_EVENTS)));
        }
        return batches;
    }

    private interface Writer {

        void write(List<ComplianceEvent> events, MapMessage message) throws JMSException;
    }

    private void send(List<List<ComplianceEvent>> messages, Writer writer) {
        if (messages.isEmpty()) {
            return;
        }
        try (JMSContext context = connectionFactory.createContext()) {
            JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            for (List<ComplianceEvent> events : messages) {
                MapMessage message = context.createMapMessage();
                try {
                    writer.write(events, message);
                } catch (JMSException e) {
                    throw new JMSRuntimeException("could not send compliance event " + events.get(0).eventId()
                            + (events.size() > 1 ? " and " + (events.size() - 1) + " more" : ""), e.getErrorCode(), e);
                }
                producer.send(queue, message);
            }
        }
    }
}
