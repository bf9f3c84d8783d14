package org.openpchat.chat.infrastructure.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import org.openpchat.chat.application.audit.AuditEntry;
import org.openpchat.chat.infrastructure.persistence.InstantConverter;

@Entity
@Table(name = "AUDIT_LOG", indexes = @Index(name = "IX_AUDIT_LOG_AT", columnList = "RECORDED_AT"))
public class AuditRecord {

    /** Characters of an item's JSON; an item's largest field is a 1,000,000-character XSLT. */
    static final int MAX_JSON = 4_000_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "RECORDED_AT", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant at;

    @Column(name = "ACTOR", length = 400, nullable = false)
    private String actor;

    @Column(name = "ACTION", length = 100, nullable = false)
    private String action;

    @Column(name = "TARGET", length = 600, nullable = false)
    private String target;

    @Column(name = "BEFORE_JSON", length = MAX_JSON)
    private String before;

    @Column(name = "AFTER_JSON", length = MAX_JSON)
    private String after;

    protected AuditRecord() {
    }

    AuditRecord(Instant at, String actor, String action, String target, String before, String after) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.target = target;
        this.before = before;
        this.after = after;
    }

    AuditEntry entry() {
        return new AuditEntry(id, at, actor, action, target, before, after);
    }
}
