package org.openpchat.chat.application.compliance;

import java.util.List;
import org.openpchat.chat.domain.compliance.ComplianceEvent;

/**
 * The compliance queue. Sends as part of the caller's transaction: a sent event is delivered if
 * and only if that transaction commits. Use cases do not call it directly; they add their events
 * to the {@link ComplianceOutbox} and the {@link ComplianceOutboxRelay} sends them.
 */
public interface ComplianceEventPublisher {

    void publish(ComplianceEvent event);

    /** Sends the events in this order. */
    default void publishAll(List<ComplianceEvent> events) {
        events.forEach(this::publish);
    }
}
