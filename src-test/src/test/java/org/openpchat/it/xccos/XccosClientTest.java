package org.openpchat.it.xccos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The XCCOS client's SIP plumbing against {@link FakeXccosServer} (no GlassFish). */
@Timeout(60)
class XccosClientTest {

    private static final String LOBBY = "ma-chan://example.com/lobby-1";
    private static FakeXccosServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = FakeXccosServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void registersWithDigestSubscribesInvitesAndTalksXccos() {
        try (XccosClient alice = XccosClient.connect("alice", server.hostPort())) {
            assertThat(alice.register(null).status()).isEqualTo(407);
            assertThat(alice.register("alice", "Passw0rd!", "(null)", 120).header("Expires")).isEqualTo("120");
            assertThat(alice.lastChallenge().header("Proxy-Authenticate")).contains("realm=\"example.com\"");

            XccosClient.Provisioning p = alice.subscribeProvisioning();
            assertThat(p.subscribeResponse().status()).isEqualTo(200);
            assertThat(p.enabled()).isTrue();
            assertThat(p.poolUri()).isEqualTo(XccosClient.POOL_URI);
            assertThat(alice.subscribe("presence").subscribeResponse().status()).isEqualTo(489);

            alice.invite(XccosClient.POOL_URI);
            assertThat(alice.dialog().inviteResponse().header("Session-Expires")).isEqualTo("600;refresher=uac");

            Xccos.Reply requri = alice.requri();
            assertThat(requri.id()).isEqualTo("rpl:requri");
            assertThat(requri.users()).extracting(Xccos.User::uri).containsExactly(XccosClient.POOL_URI);
            assertThat(alice.inbox().get(0).request().header("From")).contains(XccosClient.POOL_URI);

            XccosClient.Sent post = alice.post(LOBBY, "hi <there> & you");
            assertThat(post.sip().status()).isEqualTo(200);
            Xccos.GrpChat echo = alice.awaitGrpchat(LOBBY, "hi <there> & you");
            assertThat(echo.author()).isEqualTo("sip:alice@example.com");
            assertThat(echo.ts()).isEqualTo("2026-01-01T00:00:00.1234567Z");

            assertThat(alice.info("<not-xml").status()).isEqualTo(400);
            assertThat(alice.update().status()).isEqualTo(200);
            assertThat(alice.bye().status()).isEqualTo(200);
            assertThat(alice.update().status()).isEqualTo(481);
            alice.dropDialog();
        }
    }

    @Test
    void aWrongPasswordGets403() {
        try (XccosClient bob = XccosClient.connect("bob", server.hostPort())) {
            assertThat(bob.register("nope").status()).isEqualTo(403);
            assertThat(bob.register("bob@example.com", "Passw0rd!", "sip:example.com", null).status()).isEqualTo(200);
        }
    }
}
