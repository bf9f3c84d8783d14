package org.openpchat.chat.application.compliance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.openpchat.chat.application.ChatServerSettings;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.principal.PrincipalRepository;

/**
 * An outbox that keeps the events a {@link ComplianceCapture} adds, and counts the relay's wake-ups,
 * for use case tests.
 */
public class CapturedEvents implements ComplianceOutbox {

    private final List<ComplianceEvent> events = new ArrayList<>();
    private int wakeUps;

    /** A capture over this outbox; its relay only counts wake-ups. */
    public ComplianceCapture capture(PrincipalRepository principals, Clock clock) {
        ComplianceRelay relay = new ComplianceRelay() {
            @Override
            public void wakeAfterCommit() {
                wakeUps++;
            }
        };
        return new ComplianceCapture(this, relay, principals, new ChatServerSettings(), clock);
    }

    @Override
    public void add(ComplianceEvent event) {
        events.add(event);
    }

    @Override
    public List<Entry> oldest(int max) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void remove(List<Long> sequences) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long count() {
        return events.size();
    }

    public List<ComplianceEvent> events() {
        return List.copyOf(events);
    }

    /** The only event; fails when there is none or more than one. */
    public ComplianceEvent only() {
        if (events.size() != 1) {
            throw new AssertionError("expected one compliance event, got " + events);
        }
        return events.get(0);
    }

    public ComplianceEvent last() {
        if (events.isEmpty()) {
            throw new AssertionError("no compliance event");
        }
        return events.get(events.size() - 1);
    }

    public int wakeUps() {
        return wakeUps;
    }
}
