package org.openpchat.chat.application.audit;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.openpchat.chat.domain.access.Actor;

/** The use cases' side of the audit log: records a change in the caller's transaction. */
@Dependent
public class Audit {

    @Inject
    private AuditLog log;

    public Audit() {
    }

    /** Outside the container (tests): into this log. */
    public Audit(AuditLog log) {
        this.log = log;
    }

    public void created(Actor actor, String action, String target, Object after) {
        log.record(actor.describe(), action, target, null, after);
    }

    public void changed(Actor actor, String action, String target, Object before, Object after) {
        log.record(actor.describe(), action, target, before, after);
    }

    public void removed(Actor actor, String action, String target, Object before) {
        log.record(actor.describe(), action, target, before, null);
    }
}
