package org.openpchat.chat.application.access;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Instant;
import java.util.List;
import org.openpchat.chat.application.audit.AuditEntry;
import org.openpchat.chat.application.audit.AuditLog;

/**
 * Announces every administrative change that may take a room away from someone: rooms changed,
 * disabled or removed, categories' allowed and denied lists, policies (a new site policy counts at
 * once for the site's users), users and groups. Every such change is audited, whichever service
 * made it, so the audit log is where it is seen.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class AccessChangeEvents implements AuditLog {

    private static final List<String> ACTIONS = List.of("Set-CsPersistentChatRoom", "Remove-CsPersistentChatRoom",
            "Set-CsPersistentChatCategory", "Remove-CsPersistentChatCategory", "New-CsPersistentChatPolicy",
            "Set-CsPersistentChatPolicy", "Remove-CsPersistentChatPolicy", "Grant-CsPersistentChatPolicy", "Set-User",
            "Remove-User", "Set-Group", "Remove-Group");

    @Inject
    @Delegate
    @Any
    private AuditLog log;
    @Inject
    private Event<AccessChanged> changed;

    protected AccessChangeEvents() {
    }

    /** Outside the container (tests): around this log, announcing through {@code changed}. */
    protected AccessChangeEvents(AuditLog log, Event<AccessChanged> changed) {
        this.log = log;
        this.changed = changed;
    }

    @Override
    public void record(String actor, String action, String target, Object before, Object after) {
        log.record(actor, action, target, before, after);
        if (affectsAccess(action)) {
            changed.fire(new AccessChanged(action));
        }
    }

    @Override
    public List<AuditEntry> since(Instant since, int max) {
        return log.since(since, max);
    }

    static boolean affectsAccess(String action) {
        return ACTIONS.stream().anyMatch(known -> action.equals(known) || action.startsWith(known + " "));
    }
}
