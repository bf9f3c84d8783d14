package org.openpchat.chat.application.compliance;

import java.io.Serializable;
import org.openpchat.chat.domain.compliance.ComplianceEvent;

/** An event as stored: its arrival sequence number and whether an adapter has exported it. */
public record StoredComplianceEvent(long sequence, ComplianceEvent event, boolean processed) implements Serializable {
}
