package org.openpchat.chat.application.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An audit log that keeps what it was given, for use case tests. */
public class RecordingAuditLog implements AuditLog {

    /** One recorded change, with the views as the use case passed them. */
    public record Recorded(String actor, String action, String target, Object before, Object after) {
    }

    private final List<Recorded> entries = new ArrayList<>();

    @Override
    public void record(String actor, String action, String target, Object before, Object after) {
        entries.add(new Recorded(actor, action, target, before, after));
    }

    @Override
    public List<AuditEntry> since(Instant since, int max) {
        throw new UnsupportedOperationException("use entries()");
    }

    public List<Recorded> entries() {
        return List.copyOf(entries);
    }

    /** The only entry; fails when there is none or more than one. */
    public Recorded only() {
        if (entries.size() != 1) {
            throw new AssertionError("expected one audit entry, got " + entries);
        }
        return entries.get(0);
    }
}
