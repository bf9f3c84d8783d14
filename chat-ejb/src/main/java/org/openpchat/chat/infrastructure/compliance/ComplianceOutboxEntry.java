package org.openpchat.chat.infrastructure.compliance;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.openpchat.chat.domain.compliance.ComplianceEvent;

/**
 * A compliance event waiting in the chat database (mgc) to be sent to the compliance queue: the
 * transactional outbox. Written in the use case's transaction, removed by the relay once sent.
 * The identity column is the sending order.
 */
@Entity
@Table(name = "COMPLIANCE_OUTBOX")
public class ComplianceOutboxEntry extends ComplianceEventColumns {

    protected ComplianceOutboxEntry() {
    }

    public ComplianceOutboxEntry(ComplianceEvent event) {
        super(event);
    }
}
