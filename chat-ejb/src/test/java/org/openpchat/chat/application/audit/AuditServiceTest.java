package org.openpchat.chat.application.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.DomainException.Reason;

/** Reading the audit log: administrators only, from the beginning when no start is given, pages capped. */
class AuditServiceTest {

    private final List<String> reads = new ArrayList<>();
    private final AuditService service = new AuditService(new AuditLog() {
        @Override
        public void record(String actor, String action, String target, Object before, Object after) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AuditEntry> since(Instant since, int max) {
            reads.add(since + " " + max);
            return List.of(new AuditEntry(1, since, "system:test", "New-User", "user:x", null, "{}"));
        }
    });

    @Test
    void administratorsReadPagesOfAtMostTenThousand() {
        Actor admin = Actor.system("test");
        Instant at = Instant.parse("2026-11-30T09:00:00Z");

        assertThat(service.since(admin, at, 50)).extracting(AuditEntry::at).containsExactly(at);
        service.since(admin, null, AuditService.MAX_PAGE + 1);
        service.since(admin, at, AuditService.MAX_PAGE);
        service.since(admin, at, 0);

        assertThat(reads).containsExactly(at + " 50", Instant.EPOCH + " 10000", at + " 10000", at + " 1");
    }

    @Test
    void nobodyElseReadsIt() {
        assertThatThrownBy(() -> service.since(Actor.user(PrincipalId.user("alice@example.com"), null), null, 10))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN)
                .hasMessage("only Persistent Chat administrators read the audit log");
        assertThat(reads).isEmpty();
    }
}
