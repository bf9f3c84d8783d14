package org.openpchat.chat.infrastructure.compliance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one row of COMPLIANCE_RELAY_LOCK in mgc (seeded by the changelog), which every relay batch locks. */
@Entity
@Table(name = "COMPLIANCE_RELAY_LOCK")
public class ComplianceRelayLockRecord {

    /** The id of the one row. */
    public static final long ROW = 1;

    @Id
    @Column(name = "ID")
    private long id;

    public ComplianceRelayLockRecord() {
        this.id = ROW;
    }
}
