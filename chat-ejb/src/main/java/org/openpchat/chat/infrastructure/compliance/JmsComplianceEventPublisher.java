package org.openpchat.chat.infrastructure.compliance;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Queue;
import org.openpchat.chat.application.compliance.ComplianceEventPublisher;
import org.openpchat.chat.domain.compliance.ComplianceEvent;

/**
 * Sends compliance events on the compliance queue through the server's (XA) connection factory:
 * inside a JTA transaction the send is part of it, so the event is delivered only on commit.
 */
@ApplicationScoped
public class JmsComplianceEventPublisher implements ComplianceEventPublisher {

    public static final String CONNECTION_FACTORY = "jms/pchat/ConnectionFactory";
    public static final String QUEUE = "jms/pchat/ComplianceQueue";

    @Resource(lookup = CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;
    @Resource(lookup = QUEUE)
    private Queue queue;

    @Override
    public void publish(ComplianceEvent event) {
        try (JMSContext context = connectionFactory.createContext()) {
            MapMessage message = context.createMapMessage();
            ComplianceMessageCodec.write(event, message);
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, message);
        } catch (JMSException e) {
            throw new JMSRuntimeException("could not send compliance event " + event.eventId(), e.getErrorCode(), e);
        }
    }
}
