package org.openpchat.chat.infrastructure.compliance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The one row of COMPLIANCE_EXPORT_CLAIM in mgccomp (seeded by the changelog): locked by every
 * export batch, it holds when the pool last started an export run and which server did. Times are
 * UTC wall time, as in {@link ComplianceEventColumns}.
 */
@Entity
@Table(name = "COMPLIANCE_EXPORT_CLAIM")
public class ComplianceExportClaimRecord {

    /** The id of the one row. */
    public static final long ROW = 1;
    public static final int SERVER_LENGTH = 256;

    @Id
    @Column(name = "ID")
    private long id;
    @Column(name = "LAST_RUN_AT")
    private LocalDateTime lastRunAt;
    @Column(name = "LAST_RUN_BY", length = SERVER_LENGTH)
    private String lastRunBy;

    /** The row before any run. */
    public ComplianceExportClaimRecord() {
        this.id = ROW;
    }

    /** {@link Instant#EPOCH} before the first run. */
    public Instant lastRunAt() {
        return lastRunAt == null ? Instant.EPOCH : lastRunAt.toInstant(ZoneOffset.UTC);
    }

    public String lastRunBy() {
        return lastRunBy;
    }

    void ran(Instant at, String server) {
        this.lastRunAt = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        this.lastRunBy = server.length() > SERVER_LENGTH ? server.substring(0, SERVER_LENGTH) : server;
    }
}
