package org.openpchat.chat.application.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.InMemoryChatServer;
import org.openpchat.chat.application.audit.RecordingAuditLog.Recorded;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.endpoint.InMemoryEndpoints;
import org.openpchat.chat.domain.shared.DomainException.Reason;

/** The pool's SIP addresses: defaults, uniqueness, never none, which ones answer, the address for clients. */
class EndpointServiceTest {

    private final InMemoryChatServer server = new InMemoryChatServer();
    private final InMemoryEndpoints endpoints = new InMemoryEndpoints();
    private final EndpointService service = new EndpointService(endpoints, server.settings, server.audit);
    private final Actor admin = server.admin;

    @Test
    void aNewServerAnswersItsPoolUriAndTheGroupChatUri() {
        assertThat(service.poolUri()).as("before any endpoint").isEqualTo("sip:pchat@example.com");

        assertThat(service.addDefaultsIfEmpty()).isTrue();

        assertThat(service.views(admin)).containsExactly(
                new EndpointView("sip:pchat@example.com", "Persistent Chat pool"),
                new EndpointView("sip:ocschat@example.com", "Group Chat (legacy clients)"));
        assertThat(server.auditLog.entries()).extracting(Recorded::actor).containsOnly("system:defaults");
        assertThat(service.addDefaultsIfEmpty()).isFalse();
        assertThat(endpoints.all()).hasSize(2);
    }

    @Test
    void anEndpointIsCreatedOnceNormalised() {
        EndpointView created = service.create(admin, "SIP:Chat@Example.com", "Chat");

        assertThat(created).isEqualTo(new EndpointView("sip:chat@example.com", "Chat"));
        assertThat(server.auditLog.only()).isEqualTo(new Recorded("system:test", "New-CsPersistentChatEndpoint",
                "endpoint:sip:chat@example.com", null, created));
        assertThatThrownBy(() -> service.create(admin, "sip:chat@example.com", null))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT)
                .hasMessage("endpoint sip:chat@example.com already exists");
        assertThat(service.view(admin, "Chat@example.com")).isEqualTo(created);
        assertThat(service.view(admin, " sip:chat@example.com ")).isEqualTo(created);
    }

    @Test
    void theLastEndpointStays() {
        service.create(admin, "sip:chat@example.com", null);
        service.create(admin, "sip:pchat@example.com", null);

        service.remove(admin, "chat@example.com");
        assertThat(endpoints.all()).hasSize(1);
        assertThat(server.auditLog.entries()).last().isEqualTo(new Recorded("system:test",
                "Remove-CsPersistentChatEndpoint", "endpoint:sip:chat@example.com",
                new EndpointView("sip:chat@example.com", null), null));

        assertThatThrownBy(() -> service.remove(admin, "sip:pchat@example.com"))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT)
                .hasMessageStartingWith("sip:pchat@example.com is the last chat endpoint");
        assertThat(endpoints.all()).hasSize(1);
        assertThat(endpoints.locks()).isEqualTo(2);
        assertThatThrownBy(() -> service.remove(admin, "sip:gone@example.com"))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
        assertThatThrownBy(() -> service.view(admin, null)).hasFieldOrPropertyWithValue("reason", Reason.INVALID);
    }

    @Test
    void anInviteOpensAChatDialogOnlyAtAnEndpoint() {
        service.create(admin, "sip:chat@example.com", null);

        assertThat(service.answers("sip:chat@example.com")).isTrue();
        assertThat(service.answers("SIP:Chat@example.com")).isTrue();
        assertThat(service.answers("chat@example.com")).isTrue();
        assertThat(service.answers("sip:other@example.com")).isFalse();
        assertThat(service.answers("not an address")).isFalse();
        assertThat(service.answers(" ")).isFalse();
        assertThat(service.answers(null)).isFalse();
    }

    @Test
    void clientsGetThePoolUriWhileItIsAnEndpointElseTheFirstEndpoint() {
        service.create(admin, "sip:zchat@example.com", null);
        service.create(admin, "sip:chat@example.com", null);
        assertThat(service.poolUri()).isEqualTo("sip:chat@example.com");

        service.create(admin, "sip:pchat@example.com", null);
        assertThat(service.poolUri()).isEqualTo("sip:pchat@example.com");
    }

    @Test
    void nobodyButAnAdministratorManagesEndpoints() {
        service.create(admin, "sip:chat@example.com", null);
        service.create(admin, "sip:pchat@example.com", null);
        Actor user = server.actor(server.user("alice"));

        assertThatThrownBy(() -> service.create(user, "sip:x@example.com", null))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN)
                .hasMessage("only Persistent Chat administrators manage chat endpoints");
        assertThatThrownBy(() -> service.remove(user, "sip:chat@example.com"))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.view(user, "sip:chat@example.com"))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.views(user)).hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
        assertThat(endpoints.all()).hasSize(2);
    }
}
