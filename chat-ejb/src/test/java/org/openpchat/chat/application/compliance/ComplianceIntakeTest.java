package org.openpchat.chat.application.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.ALICE;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.LOBBY;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.event;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;

/** Each event id stored once, whether events come alone or in batches. */
class ComplianceIntakeTest {

    private final InMemoryComplianceStore store = new InMemoryComplianceStore();
    private final ComplianceIntake intake = new ComplianceIntake(store);

    private final ComplianceEvent first = event(1, ComplianceEventType.CHAT, LOBBY, ALICE, 1, "one");
    private final ComplianceEvent second = event(2, ComplianceEventType.CHAT, LOBBY, ALICE, 2, "two");
    private final ComplianceEvent third = event(3, ComplianceEventType.CHAT, LOBBY, ALICE, 3, "three");

    @Test
    void aBatchStoresOnlyWhatIsNewAndSaysHowMuch() {
        assertThat(intake.accept(first)).isTrue();
        assertThat(intake.accept(first)).isFalse();

        assertThat(intake.acceptAll(List.of(first, second, second, third))).isEqualTo(2);
        assertThat(intake.acceptAll(List.of(third, second))).isZero();
        assertThat(intake.ofRoom(LOBBY.uid())).extracting(StoredComplianceEvent::event)
                .containsExactly(first, second, third);
    }
}
