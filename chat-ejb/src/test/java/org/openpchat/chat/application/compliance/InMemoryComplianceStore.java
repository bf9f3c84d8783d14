package org.openpchat.chat.application.compliance;

import java.util.ArrayList;
import java.util.List;
import org.openpchat.chat.domain.compliance.ComplianceEvent;

/** Captured events held in a list, in arrival order, for use case tests. */
class InMemoryComplianceStore implements ComplianceStore {

    private final List<StoredComplianceEvent> stored = new ArrayList<>();
    private long next = 1;

    @Override
    public boolean storeOnce(ComplianceEvent event) {
        if (stored.stream().anyMatch(s -> s.event().eventId().equals(event.eventId()))) {
            return false;
        }
        stored.add(new StoredComplianceEvent(next++, event, false));
        return true;
    }

    @Override
    public List<StoredComplianceEvent> unprocessed(int max) {
        return stored.stream().filter(s -> !s.processed()).limit(max).toList();
    }

    @Override
    public void markProcessed(List<Long> sequences) {
        stored.replaceAll(s -> sequences.contains(s.sequence()) ? new StoredComplianceEvent(s.sequence(), s.event(),
                true) : s);
    }

    @Override
    public void purge(List<Long> sequences) {
        stored.removeIf(s -> sequences.contains(s.sequence()));
    }

    @Override
    public List<StoredComplianceEvent> ofRoom(String roomUid) {
        return stored.stream().filter(s -> s.event().room().uid().equals(roomUid)).toList();
    }

    @Override
    public long countUnprocessed() {
        return unprocessed(Integer.MAX_VALUE).size();
    }

    @Override
    public long countOfRoom(String roomUid) {
        return ofRoom(roomUid).size();
    }

    int size() {
        return stored.size();
    }
}
