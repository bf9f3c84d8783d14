package org.openpchat.chat.application.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.InMemoryChatServer;
import org.openpchat.chat.application.compliance.CompliancePipeline;
import org.openpchat.chat.application.compliance.PipelineView;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.DomainException.Reason;

/** The dashboard's figures: posts since the start of the UTC day, rooms, people, databases, compliance. */
class ServerOverviewServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private static final PipelineView PIPELINE = new PipelineView(1, 2, 3, null, 0);

    private final InMemoryChatServer server = new InMemoryChatServer();
    private final SignedInConnections connections = new SignedInConnections();
    private final ServerOverviewService service = new ServerOverviewService(new HealthService() {
        @Override
        public Map<String, String> databases() {
            return Map.of("mgc", "UP H2");
        }
    }, new CompliancePipeline() {
        @Override
        public PipelineView status(Actor actor) {
            return PIPELINE;
        }
    }, connections, server.occupancy, server.rooms, server.messages, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theFiguresOfTheDashboard() {
        Room lobby = server.room("Lobby", server.category("General"));
        server.room("Desk", server.category("Trading"));
        server.messages.post(lobby, "alice@example.com", Instant.parse("2026-11-29T23:59:59Z"), "yesterday");
        server.messages.post(lobby, "alice@example.com", Instant.parse("2026-11-30T00:00:00Z"), "midnight");
        server.messages.post(lobby, "bob@example.com", Instant.parse("2026-11-30T08:59:00Z"), "morning");
        server.occupancy.enter(lobby.uid(), PrincipalId.user("alice@example.com"), false);
        connections.report(5);

        assertThat(service.overview(server.admin)).isEqualTo(new ServerOverview(Map.of("mgc", "UP H2"), 5,
                1, 2, 2, PIPELINE));
        connections.report(3);
        assertThat(connections.count()).isEqualTo(3);
    }

    @Test
    void onlyAdministratorsSeeThem() {
        assertThatThrownBy(() -> service.overview(Actor.user(PrincipalId.user("alice@example.com"), null)))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN)
                .hasMessage("only Persistent Chat administrators see the server's overview");
    }
}
