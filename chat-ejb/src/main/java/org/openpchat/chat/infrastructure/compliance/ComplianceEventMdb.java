package org.openpchat.chat.infrastructure.compliance;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpchat.chat.application.compliance.ComplianceIntake;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.infrastructure.schema.DatabaseMigrations;

/**
 * Consumes the compliance queue into mgccomp, in the delivery's transaction. A message that can
 * never be read, or whose HMAC does not prove that this application sent exactly this event
 * ({@link ComplianceMessageMac}: unsigned, forged or altered), goes to the dead-letter queue and is
 * never stored; any other failure rolls back and the broker
 * redelivers (after its redelivery limit OpenMQ moves the message to its own DMQ).
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

    @Override
    public void onMessage(Message message) {
        schemas.awaitSchemas();
        ComplianceEvent event;
        try {
            event = ComplianceMessageCodec.read(message);
            mac.get().verify(event, message);
        } catch (PoisonMessageException e) {
            LOG.log(Level.WARNING, "compliance message moved to " + JmsDeadLetters.QUEUE + ": " + e.getMessage());
            deadLetters.send(message, e.getMessage());
            return;
        }
        if (System.getProperties().remove(FAIL_ONCE_PROPERTY, event.eventId())
                || event.eventId().equals(System.getProperty(FAIL_ALWAYS_PROPERTY))) {
            throw new IllegalStateException("injected failure for compliance event " + event.eventId());
        }
        intake.accept(event);
    }
}
