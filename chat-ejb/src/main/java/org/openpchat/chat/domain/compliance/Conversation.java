package org.openpchat.chat.domain.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The events of one room in one export batch, oldest first (Lync's Conversation). */
public record Conversation(ComplianceRoom room, List<ComplianceEvent> events) {

    public Conversation {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a conversation has at least one event");
        }
        events = List.copyOf(events);
    }

    /** Groups a batch by room, keeping the batch order inside each room and rooms by first event. */
    public static List<Conversation> group(List<ComplianceEvent> batch) {
        Map<String, List<ComplianceEvent>> byRoom = new LinkedHashMap<>();
        Map<String, ComplianceRoom> rooms = new LinkedHashMap<>();
        for (ComplianceEvent event : batch) {
            byRoom.computeIfAbsent(event.room().uid(), uid -> new ArrayList<>()).add(event);
            rooms.putIfAbsent(event.room().uid(), event.room());
        }
        List<Conversation> conversations = new ArrayList<>();
        byRoom.forEach((uid, events) -> conversations.add(new Conversation(rooms.get(uid), events)));
        return conversations;
    }

    public ComplianceEvent firstMessage() {
        return events.get(0);
    }

    public Instant start() {
        return events.get(0).occurredAt();
    }

    public Instant end() {
        return events.get(events.size() - 1).occurredAt();
    }
}
