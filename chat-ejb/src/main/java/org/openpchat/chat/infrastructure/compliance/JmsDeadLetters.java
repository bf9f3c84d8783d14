package org.openpchat.chat.infrastructure.compliance;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.jms.QueueBrowser;
import java.util.Collections;
import java.util.Enumeration;
import org.openpchat.chat.application.compliance.DeadLetters;

/**
 * Moves a compliance message that can never be stored to the dead-letter queue, with the reason,
 * the original message id and the original properties, so the compliance queue moves on.
 */
@ApplicationScoped
public class JmsDeadLetters implements DeadLetters {

    /** Physical name; common.asadmin creates it, and OpenMQ auto-creates it on older domains. */
    public static final String QUEUE = "PChatComplianceDead";
    public static final String REASON = "pchatDeadLetterReason";
    public static final String ORIGINAL_ID = "pchatOriginalMessageId";

    @Resource(lookup = JmsComplianceEventPublisher.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    @Override
    public long count() {
        try (JMSContext context = connectionFactory.createContext();
                QueueBrowser browser = context.createBrowser(context.createQueue(QUEUE))) {
            long count = 0;
            for (Enumeration<?> messages = browser.getEnumeration(); messages.hasMoreElements(); messages.nextElement()) {
                count++;
            }
            return count;
        } catch (JMSException e) {
            throw new JMSRuntimeException("could not count the compliance dead letters", e.getErrorCode(), e);
        }
    }

    public void send(Message original, String reason) {
        try (JMSContext context = connectionFactory.createContext()) {
            TextMessage dead = context.createTextMessage(original instanceof TextMessage text ? text.getText()
                    : original.getClass().getSimpleName());
            for (Object name : Collections.list(original.getPropertyNames())) {
                dead.setObjectProperty((String) name, original.getObjectProperty((String) name));
            }
            dead.setStringProperty(REASON, reason);
            dead.setStringProperty(ORIGINAL_ID, original.getJMSMessageID());
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT)
                    .send(context.createQueue(QUEUE), dead);
        } catch (JMSException e) {
            throw new JMSRuntimeException("could not dead-letter a compliance message", e.getErrorCode(), e);
        }
    }
}
