package org.openpchat.chat.infrastructure.compliance;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The server's {@link ComplianceMessageMac}, its key read once from the configured key file. Read
 * on first use, so a missing key fails the sends and deliveries (loudly, nothing lost: events stay
 * in the outbox, deliveries are rolled back) rather than the deployment.
 */
@ApplicationScoped
public class ConfiguredComplianceMac {

    private volatile ComplianceMessageMac mac;

    public ComplianceMessageMac get() {
        ComplianceMessageMac current = mac;
        if (current == null) {
            current = ComplianceMessageMac.configured();
            mac = current;
        }
        return current;
    }
}
