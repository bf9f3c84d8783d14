package org.openpchat.chat.infrastructure.compliance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.openpchat.chat.domain.compliance.ComplianceEvent;

/**
 * A captured event in mgccomp (Lync's tblComplianceData). The unique event id is what makes a
 * redelivered message harmless.
 */
@Entity
@Table(name = "COMPLIANCE_EVENT",
        uniqueConstraints = @UniqueConstraint(name = "UQ_COMPLIANCE_EVENT_ID", columnNames = "EVENT_ID"),
        indexes = {@Index(name = "IX_COMPLIANCE_EVENT_PENDING", columnList = "PROCESSED, OCCURRED_AT"),
                @Index(name = "IX_COMPLIANCE_EVENT_ROOM", columnList = "ROOM_UID")})
public class ComplianceEventRecord extends ComplianceEventColumns {

    @Column(name = "RECEIVED_AT", nullable = false)
    private LocalDateTime receivedAt;
    @Column(name = "PROCESSED", nullable = false)
    private boolean processed;

    protected ComplianceEventRecord() {
    }

    public ComplianceEventRecord(ComplianceEvent event, Instant receivedAt) {
        super(event);
        this.receivedAt = LocalDateTime.ofInstant(receivedAt, ZoneOffset.UTC);
    }

    public boolean processed() {
        return processed;
    }
}
