package org.openpchat.chat.domain.compliance;

import java.time.Instant;
import java.util.UUID;

/** Test events with fixed times and ids derived from a seed, so output can be compared. */
public final class ComplianceEvents {

    public static final ComplianceRoom LOBBY = new ComplianceRoom("11111111-1111-1111-1111-111111111111",
            "ma-chan://example.com/11111111-1111-1111-1111-111111111111", "Lobby", "General", "Say hello");
    public static final ComplianceRoom DESK = new ComplianceRoom("22222222-2222-2222-2222-222222222222",
            "ma-chan://example.com/22222222-2222-2222-2222-222222222222", "Desk & Co <trading>", "Trading", null);
    public static final ComplianceUser ALICE = new ComplianceUser("sip:alice@example.com", "Alice Ärger", 3, true);
    public static final ComplianceUser BOB = new ComplianceUser("sip:bob@fabrikam.com", null, 7, false);

    private ComplianceEvents() {
    }

    public static ComplianceEvent event(int seed, ComplianceEventType type, ComplianceRoom room, ComplianceUser user,
            long messageId, String content) {
        return new ComplianceEvent(new UUID(0, seed).toString(), type,
                Instant.parse("2026-03-12T19:56:40.522264Z").plusSeconds(seed), room, user, messageId, content);
    }
}
