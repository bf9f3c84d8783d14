package org.openpchat.client.xccos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The XCCOS client's SIP plumbing against {@link FakeXccosServer}. */
@Timeout(60)
class XccosClientTest {

    private static final String POOL = "sip:pchat@example.com";
    private static FakeXccosServer server;

    @BeforeAll
    static void startServer() {
        server = FakeXccosServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void registersWithDigestSubscribesInvitesAndTalksXccos() {
        try (XccosClient alice = XccosClient.connect("alice", server.settings())) {
            assertThat(alice.userUri()).isEqualTo("sip:alice@example.com");
            assertThat(alice.register(null).status()).isEqualTo(407);
            assertThat(alice.register("alice", "Passw0rd!", "(null)", 120).header("Expires")).isEqualTo("120");
            assertThat(alice.lastChallenge().header("Proxy-Authenticate")).contains("realm=\"example.com\"");
            assertThat(server.received("REGISTER")).last().satisfies(r -> assertThat(r.getHeader("Contact").toString())
                    .contains("sip:alice@127.0.0.1:" + alice.sip().port() + ";transport=tcp"));

            XccosClient.Provisioning p = alice.subscribeProvisioning();
            assertThat(p.subscribeResponse().status()).isEqualTo(200);
            assertThat(p.enabled()).isTrue();
            assertThat(p.poolUri()).isEqualTo(POOL);
            assertThat(alice.subscribe("presence").subscribeResponse().status()).isEqualTo(489);

            alice.invite(p.poolUriOr("sip:other@example.com"));
            assertThat(alice.dialog().inviteResponse().header("Session-Expires")).isEqualTo("600;refresher=uac");

            Xccos.Reply requri = alice.requri();
            assertThat(requri.id()).isEqualTo("rpl:requri");
            assertThat(requri.users()).extracting(Xccos.User::uri).containsExactly(POOL);
            assertThat(alice.inbox().get(0).request().header("From")).contains(POOL);

            String lobby = alice.roomUri("Lobby");
            assertThat(alice.join(lobby).ok()).isTrue();
            XccosClient.Sent post = alice.post(lobby, "hi <there> & you");
            assertThat(post.sip().status()).isEqualTo(200);
            Xccos.GrpChat echo = alice.awaitGrpchat(lobby, "hi <there> & you");
            assertThat(echo.author()).isEqualTo("sip:alice@example.com");
            assertThat(echo.ts()).isEqualTo("2026-01-01T00:00:00.1234567Z");

            assertThat(alice.info("<not-xml").status()).isEqualTo(400);
            assertThat(alice.update().status()).isEqualTo(200);
            assertThat(alice.bye().status()).isEqualTo(200);
            assertThat(alice.update().status()).isEqualTo(481);
            alice.dropDialog();
            assertThat(alice.unregister().status()).isEqualTo(200);
            assertThat(server.received("REGISTER")).last()
                    .satisfies(r -> assertThat(r.getHeader("Expires").toString()).contains("0"));
        }
    }

    @Test
    void aWrongPasswordGets403() {
        try (XccosClient bob = XccosClient.connect("bob@example.com", server.settings())) {
            assertThat(bob.register("nope").status()).isEqualTo(403);
            assertThat(bob.register("bob@example.com", "Passw0rd!", "sip:example.com", null).status()).isEqualTo(200);
        }
    }

    @Test
    void refusalsAndSilenceAreReportedAsSuch() {
        server.silence("getinv");
        try (XccosClient carol = XccosClient.connect("sip:carol@example.com", server.settings())) {
            assertThat(carol.register("Passw0rd!").status()).isEqualTo(200);
            carol.invite(POOL);
            assertThat(carol.findRoom("No such room")).isEmpty();
            assertThatThrownBy(() -> carol.roomUri("No such room")).isInstanceOf(XccosException.class)
                    .hasMessageContaining("No such room");
            Xccos.Reply join = carol.join("ma-chan://example.com/missing");
            assertThat(join.code()).isEqualTo(404);
            XccosClient.Sent post = carol.post(server.roomUri("Lobby"), "not joined");
            assertThat(post.sip().status()).isEqualTo(409);
            assertThat(carol.awaitReplyTo(post.envid()).text()).startsWith("ERR_NOT_JOINED");
            carol.waitTime(Duration.ofMillis(300));
            assertThatThrownBy(carol::getinv).isInstanceOf(XccosTimeoutException.class)
                    .hasMessage("carol@example.com: no rpl:getinv within 300 ms");
        }
    }

    @Test
    void userAddressesAreNormalisedAndCheckedBeforeAnythingStarts() {
        assertThat(XccosClient.userAddress("alice", "example.com")).isEqualTo("alice@example.com");
        assertThat(XccosClient.userAddress(" sip:alice@example.org ", "example.com")).isEqualTo("alice@example.org");
        assertThatThrownBy(() -> XccosClient.userAddress("alice@exa mple.com", "example.com"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XccosClient.userAddress("a\"b", "example.com"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XccosClient.connect("", server.settings())).isInstanceOf(IllegalArgumentException.class);
    }
}
