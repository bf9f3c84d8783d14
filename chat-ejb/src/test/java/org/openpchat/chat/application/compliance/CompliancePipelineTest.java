package org.openpchat.chat.application.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.ALICE;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.LOBBY;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.event;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.compliance.ComplianceEventType;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.DomainException.Reason;

/** Where the compliance events are, for administrators. */
class CompliancePipelineTest {

    private final InMemoryComplianceStore store = new InMemoryComplianceStore();
    private final ComplianceRelay relay = new ComplianceRelay() {
        @Override
        public long backlog() {
            return 4;
        }
    };
    private ComplianceExportScheduler.LastExport last;
    private final ComplianceExportScheduler scheduler = new ComplianceExportScheduler() {
        @Override
        public LastExport lastExport() {
            return last;
        }
    };
    private final CompliancePipeline pipeline = new CompliancePipeline(relay, new ComplianceIntake(store), scheduler,
            () -> 2);

    @Test
    void theCountsAndTheLastExport() {
        store.storeOnce(event(1, ComplianceEventType.CHAT, LOBBY, ALICE, 1, "hello"));

        assertThat(pipeline.status(Actor.system("test"))).isEqualTo(new PipelineView(4, 1, 2, null, 0));

        Instant at = Instant.parse("2026-11-30T09:00:00Z");
        last = new ComplianceExportScheduler.LastExport(at, 7);
        assertThat(pipeline.status(Actor.system("test"))).isEqualTo(new PipelineView(4, 1, 2, at, 7));
    }

    @Test
    void onlyAdministratorsSeeIt() {
        assertThatThrownBy(() -> pipeline.status(Actor.user(PrincipalId.user("alice@example.com"), null)))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN)
                .hasMessage("only Persistent Chat administrators see the compliance pipeline");
    }
}
