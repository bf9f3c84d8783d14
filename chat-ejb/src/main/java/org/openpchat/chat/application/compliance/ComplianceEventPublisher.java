package org.openpchat.chat.application.compliance;

import org.openpchat.chat.domain.compliance.ComplianceEvent;

/**
 * Sends a compliance event as part of the caller's transaction: it is delivered if and only if
 * that transaction commits.
 */
public interface ComplianceEventPublisher {

    void publish(ComplianceEvent event);
}
