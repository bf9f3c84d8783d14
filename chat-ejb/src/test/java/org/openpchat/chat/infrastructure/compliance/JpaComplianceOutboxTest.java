package org.openpchat.chat.infrastructure.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.ALICE;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.BOB;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.DESK;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.LOBBY;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.event;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.compliance.ComplianceOutbox;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;
import org.openpchat.chat.infrastructure.persistence.JpaTestDatabase;

/** The outbox table in the mgc unit on H2 in the server's mode: order, round trip, removal, rollback. */
class JpaComplianceOutboxTest {

    private final JpaTestDatabase database = new JpaTestDatabase();

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void keepsTheEventsInTheOrderTheyWereAddedAndRemovesBySequence() {
        List<ComplianceEvent> events = List.of(
                event(1, ComplianceEventType.JOIN, LOBBY, ALICE, 0, null),
                event(2, ComplianceEventType.CHAT, DESK, BOB, 41, "Grüße <&> 日本語 😀"),
                event(3, ComplianceEventType.BACKCHAT, LOBBY, ALICE, 0, "newest 2; 2 messages (40-41)"),
                event(4, ComplianceEventType.PART, LOBBY, ALICE, 0, null));
        database.run(em -> events.forEach(new JpaComplianceOutbox(em)::add));

        List<ComplianceOutbox.Entry> oldest = database.inTransaction(em -> new JpaComplianceOutbox(em).oldest(3));
        assertThat(oldest).extracting(ComplianceOutbox.Entry::event).containsExactlyElementsOf(events.subList(0, 3));
        assertThat(oldest).extracting(ComplianceOutbox.Entry::sequence).isSorted().doesNotHaveDuplicates();

        database.run(em -> new JpaComplianceOutbox(em).remove(oldest.stream().map(ComplianceOutbox.Entry::sequence)
                .toList()));
        List<ComplianceOutbox.Entry> rest = database.inTransaction(em -> new JpaComplianceOutbox(em).oldest(10));
        assertThat(rest).extracting(ComplianceOutbox.Entry::event).containsExactly(events.get(3));
        long count = database.inTransaction(em -> new JpaComplianceOutbox(em).count());
        assertThat(count).isEqualTo(1);
    }

    @Test
    void anEventAddedInARolledBackTransactionIsNotThere() {
        try {
            database.run(em -> {
                new JpaComplianceOutbox(em).add(event(1, ComplianceEventType.JOIN, LOBBY, ALICE, 0, null));
                em.flush();
                throw new IllegalStateException("the action failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        long count = database.inTransaction(em -> new JpaComplianceOutbox(em).count());
        assertThat(count).isZero();
    }
}
