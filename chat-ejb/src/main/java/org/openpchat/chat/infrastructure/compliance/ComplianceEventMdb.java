package org.openpchat.chat.infrastructure.compliance;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpchat.chat.application.compliance.ComplianceIntake;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.infrastructure.schema.DatabaseMigrations;

/**
 * Consumes the compliance queue into mgccomp, in the delivery's transaction. The relay sends
 * batches ({@link ComplianceBatchMessage}), stored in one go; a single event (format 1) is stored
 * alone. A message that can never be read, or an event whose HMAC does not prove that this
 * application sent exactly this event ({@link ComplianceMessageMac}: unsigned, forged or altered),
 * goes to the dead-letter queue and is never stored; any other failure rolls back and the broker
 * redelivers. A batch delivered again is not stored but sent again as single events, so an event
 * that fails every time holds up only itself: after its redelivery limit OpenMQ moves it alone to
 * its own DMQ.
 * The destination is the server resource made by server-config (an app-defined one is bound
 * too late for MDB activation on GlassFish). GlassFish delivers messages before the startup
 * singletons run, so each delivery first waits for the schema migrations (a message stored into
 * a table not yet created would be rolled back until the broker gives up on it).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = JmsComplianceEventPublisher.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")})
public class ComplianceEventMdb implements MessageListener {

    /**
     * Test hook: an event with this id (system property) fails once, as if mgccomp were down, to
     * prove redelivery. Unset in production.
     */
    public static final String FAIL_ONCE_PROPERTY = "openpchat.compliance.fail-once-event-id";
    /**
     * Test hook: an event with this id (system property) fails on every delivery, as if mgccomp
     * refused it for good, to prove that the broker's redelivery limit moves it to its dead-letter
     * queue and the queue goes on. Unset in production.
     */
    public static final String FAIL_ALWAYS_PROPERTY = "openpchat.compliance.fail-always-event-id";
    private static final Logger LOG = Logger.getLogger(ComplianceEventMdb.class.getName());

    @EJB
    private DatabaseMigrations schemas;
    @EJB
    private ComplianceIntake intake;
    @Inject
    private JmsDeadLetters deadLetters;
    @Inject
    private ConfiguredComplianceMac mac;
    @Inject
    private JmsComplianceEventPublisher queue;

    @Override
    public void onMessage(Message message) {
        schemas.awaitSchemas();
        if (ComplianceBatchMessage.isBatch(message)) {
            onBatch((MapMessage) message);
            return;
        }
        ComplianceEvent event;
        try {
            event = ComplianceMessageCodec.read(message);
            mac.get().verify(event, message);
        } catch (PoisonMessageException e) {
            deadLetter(message, e.getMessage());
            return;
        }
        failIfAsked(List.of(event));
        intake.accept(event);
    }

    private void onBatch(MapMessage message) {
        ComplianceBatchMessage.Batch batch;
        try {
            batch = ComplianceBatchMessage.read(message, mac.get());
        } catch (PoisonMessageException e) {
            deadLetter(message, e.getMessage());
            return;
        }
        for (ComplianceBatchMessage.Rejected rejected : batch.rejected()) {
            deadLetter(message, rejected.describe());
        }
        if (batch.events().size() > 1 && redelivered(message)) {
            queue.publishEach(batch.events());
            return;
        }
        failIfAsked(batch.events());
        intake.acceptAll(batch.events());
    }

    private static boolean redelivered(Message message) {
        try {
            return message.getJMSRedelivered();
        } catch (JMSException e) {
            return true; // unknown: singles are safe either way
        }
    }

    private void deadLetter(Message message, String reason) {
        LOG.log(Level.WARNING, "compliance message moved to " + JmsDeadLetters.QUEUE + ": " + reason);
        deadLetters.send(message, reason);
    }

    private static void failIfAsked(List<ComplianceEvent> events) {
        for (ComplianceEvent event : events) {
            if (System.getProperties().remove(FAIL_ONCE_PROPERTY, event.eventId())
                    || event.eventId().equals(System.getProperty(FAIL_ALWAYS_PROPERTY))) {
                throw new IllegalStateException("injected failure for compliance event " + event.eventId());
            }
        }
    }
}
