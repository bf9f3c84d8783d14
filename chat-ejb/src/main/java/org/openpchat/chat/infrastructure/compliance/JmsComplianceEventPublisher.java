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
import java.util.List;
import org.openpchat.chat.application.compliance.ComplianceEventPublisher;
import org.openpchat.chat.domain.compliance.ComplianceEvent;

/**
 * Sends compliance events on the compliance queue through the server's (XA) connection factory:
 * inside a JTA transaction the send is part of it, so the event is delivered only on commit. The
 * outbox relay sends in transactions of their own, where the broker is the only resource. Each
 * message carries the HMAC of its event ({@link ComplianceMessageMac}), which the consumer checks.
 */
@ApplicationScoped
public class JmsComplianceEventPublisher implements ComplianceEventPublisher {

    public static final String CONNECTION_FACTORY = "jms/pchat/ConnectionFactory";
    public static final String QUEUE = "jms/pchat/ComplianceQueue";

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
        if (events.isEmpty()) {
            return;
        }
        ComplianceMessageMac signer = mac.get();
        try (JMSContext context = connectionFactory.createContext()) {
            JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            for (ComplianceEvent event : events) {
                MapMessage message = context.createMapMessage();
                try {
                    ComplianceMessageCodec.write(event, message);
                    signer.sign(event, message);
                } catch (JMSException e) {
                    throw new JMSRuntimeException("could not send compliance event " + event.eventId(),
                            e.getErrorCode(), e);
                }
                producer.send(queue, message);
            }
        }
    }
}
