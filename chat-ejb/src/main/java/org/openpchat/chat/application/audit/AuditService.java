package org.openpchat.chat.application.audit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.openpchat.chat.domain.access.Actor;

/** Reading the audit log, for administrators. */
@Stateless
public class AuditService {

    public static final int MAX_PAGE = 10_000;

    @Inject
    private AuditLog log;

    public AuditService() {
    }

    /** Outside the container (tests): over this log. */
    public AuditService(AuditLog log) {
        this.log = log;
    }

    public List<AuditEntry> since(Actor actor, Instant since, int max) {
        actor.requireAdministrator("read the audit log");
        return log.since(since == null ? Instant.EPOCH : since, Math.max(1, Math.min(max, MAX_PAGE)));
    }
}
