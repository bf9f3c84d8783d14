package org.openpchat.client.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sip.message.Request;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openpchat.client.probe.ChatMessageProbe.Result;
import org.openpchat.client.probe.ChatMessageProbe.Step;
import org.openpchat.client.sip.Transport;
import org.openpchat.client.testing.UnusedPort;
import org.openpchat.client.xccos.FakeXccosServer;

/** The probe against {@link FakeXccosServer}: the whole run, and a failure at each kind of step. */
@Timeout(60)
class ChatMessageProbeTest {

    private static final String PASSWORD = FakeXccosServer.PASSWORD;
    private static final List<String> ALL_STEPS = List.of(ChatMessageProbe.REGISTER_SENDER,
            ChatMessageProbe.REGISTER_RECEIVER, ChatMessageProbe.OPEN_SENDER_SESSION,
            ChatMessageProbe.OPEN_RECEIVER_SESSION, ChatMessageProbe.FIND_ROOM, ChatMessageProbe.RECEIVER_JOINS,
            ChatMessageProbe.SENDER_JOINS, ChatMessageProbe.POST, ChatMessageProbe.RECEIVE, ChatMessageProbe.LEAVE,
            ChatMessageProbe.SIGN_OUT);

    private static FakeXccosServer server;
    private final ChatMessageProbe probe = new ChatMessageProbe();
    private Set<Thread> threadsBefore;

    @BeforeAll
    static void startServer() {
        server = FakeXccosServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void resetServer() {
        server.reset();
        threadsBefore = new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    @AfterEach
    void nothingLeftRunning() throws InterruptedException {
        assertNoThreadLeft();
    }

    private ChatMessageProbe.Request request(String senderPassword, String room) {
        return ChatMessageProbe.Request.of(FakeXccosServer.HOST, server.port(), "sip:alice@example.com",
                senderPassword, "bob@example.com", PASSWORD, room);
    }

    @Test
    void aPostGoesFromTheSenderToTheReceiverAndBothSignOut() {
        Result r = probe.run(request(PASSWORD, "Lobby"));

        assertThat(r.success()).as("%s", r).isTrue();
        assertThat(r.failedStep()).isNull();
        assertThat(r.steps()).extracting(Step::name).containsExactlyElementsOf(ALL_STEPS);
        assertThat(r.steps()).allSatisfy(s -> {
            assertThat(s.success()).as(s.toString()).isTrue();
            assertThat(s.durationMs()).isNotNegative().isLessThan(10_000);
            assertThat(s.detail()).isNotBlank();
        });
        assertThat(step(r, ChatMessageProbe.FIND_ROOM).detail()).isEqualTo(server.roomUri("Lobby"));
        assertThat(step(r, ChatMessageProbe.OPEN_SENDER_SESSION).detail())
                .contains("INVITE sip:pchat@example.com (provisioned pool) answered 200");
        assertThat(step(r, ChatMessageProbe.RECEIVE).detail()).startsWith("grpchat from sip:alice@example.com");

        String text = server.received("INFO").stream().map(ChatMessageProbeTest::body)
                .filter(b -> b.contains("<grpchat")).findFirst().orElseThrow();
        assertThat(text).contains("Test-CsPersistentChatMessage ");
        assertThat(server.received("BYE")).hasSize(2);
        assertThat(unregisters()).containsExactlyInAnyOrder("sip:alice@example.com", "sip:bob@example.com");
    }

    @Test
    void aRoomGivenByUriIsNotSearched() {
        String uri = server.addRoom("Project X");
        Result r = probe.run(request(PASSWORD, uri));

        assertThat(r.success()).as("%s", r).isTrue();
        assertThat(r.steps()).extracting(Step::name).doesNotContain(ChatMessageProbe.FIND_ROOM).hasSize(10);
        assertThat(server.received("INFO").stream().map(ChatMessageProbeTest::body))
                .noneMatch(b -> b.contains("cmd:chansrch"));
    }

    @Test
    void aWrongSenderPasswordFailsTheFirstStepAndNothingElseRuns() {
        Result r = probe.run(request("wrong", "Lobby"));

        assertThat(r.success()).isFalse();
        assertThat(r.failedStep()).isEqualTo(ChatMessageProbe.REGISTER_SENDER);
        assertThat(r.steps()).hasSize(1);
        assertThat(r.steps().get(0).success()).isFalse();
        assertThat(r.steps().get(0).detail()).isEqualTo("REGISTER as sip:alice@example.com answered 403 Forbidden");
        assertThat(server.received("REGISTER")).hasSize(2); // the challenge and the refused answer
        assertThat(unregisters()).isEmpty();
    }

    @Test
    void aWrongReceiverPasswordStillSignsTheSenderOut() {
        Result r = probe.run(ChatMessageProbe.Request.of(FakeXccosServer.HOST, server.port(), "alice@example.com",
                PASSWORD, "bob", "wrong", "Lobby"));

        assertThat(r.failedStep()).isEqualTo(ChatMessageProbe.REGISTER_RECEIVER);
        assertThat(r.steps()).extracting(Step::success).containsExactly(true, false);
        assertThat(r.steps().get(1).detail()).contains("sip:bob@example.com").contains("403");
        assertThat(unregisters()).containsExactly("sip:alice@example.com");
    }

    @Test
    void anUnknownRoomFailsTheSearchAndBothSessionsAreClosed() {
        Result r = probe.run(request(PASSWORD, "Nowhere"));

        assertThat(r.failedStep()).isEqualTo(ChatMessageProbe.FIND_ROOM);
        assertThat(r.steps()).hasSize(5);
        assertThat(r.steps().get(4).detail()).isEqualTo("no room named 'Nowhere' found by sip:alice@example.com");
        assertThat(server.received("BYE")).hasSize(2);
        assertThat(unregisters()).hasSize(2);
    }

    @Test
    void anUnreachableServerFailsTheFirstStepAtOnceSayingWhere() throws Exception {
        int closed = UnusedPort.on(FakeXccosServer.HOST);
        Result r = probe.run(ChatMessageProbe.Request.of(FakeXccosServer.HOST, closed, "alice@example.com",
                PASSWORD, "bob@example.com", PASSWORD, "Lobby"));

        assertThat(r.failedStep()).isEqualTo(ChatMessageProbe.REGISTER_SENDER);
        assertThat(r.steps()).hasSize(1);
        assertThat(r.steps().get(0).detail()).contains("127.0.0.1:" + closed + " over TCP")
                .contains("Could not connect");
        assertThat(r.steps().get(0).durationMs()).isLessThan(5_000);
    }

    @Test
    void aRefusedJoinIsReportedWithItsXccosCode() {
        server.refuse("join", 403, "ERR_NOT_ALLOWED: not a member");
        Result r = probe.run(request(PASSWORD, "Lobby"));

        assertThat(r.failedStep()).isEqualTo(ChatMessageProbe.RECEIVER_JOINS);
        assertThat(last(r).detail()).isEqualTo("join of " + server.roomUri("Lobby")
                + " by sip:bob@example.com answered 403 ERR_NOT_ALLOWED: not a member");
    }

    @Test
    void aPostNobodyReceivesFailsTheReceiveStepAfterItsTimeout() {
        server.dropPosts();
        Result r = probe.run(request(PASSWORD, "Lobby").withStepTimeout(Duration.ofMillis(700)));

        assertThat(r.failedStep()).isEqualTo(ChatMessageProbe.RECEIVE);
        assertThat(step(r, ChatMessageProbe.POST).success()).isTrue();
        assertThat(last(r).detail()).isEqualTo("sip:bob@example.com did not receive the post within 700 ms");
        assertThat(last(r).durationMs()).isBetween(650L, 3_000L);
    }

    @Test
    void aServerThatNeverRepliesFailsTheStepWithinItsTimeout() {
        server.silence("join");
        Result r = probe.run(request(PASSWORD, "Lobby").withStepTimeout(Duration.ofMillis(500)));

        assertThat(r.failedStep()).isEqualTo(ChatMessageProbe.RECEIVER_JOINS);
        assertThat(last(r).detail()).startsWith("bob@example.com: no rpl:join within");
        assertThat(last(r).durationMs()).isBetween(400L, 3_000L);
    }

    @Test
    void withoutAProvisionedPoolTheDefaultPoolIsInvitedAndItsRefusalReported() {
        server.poolUri(null).inviteStatus(403);
        Result r = probe.run(request(PASSWORD, "Lobby"));

        assertThat(r.failedStep()).isEqualTo(ChatMessageProbe.OPEN_SENDER_SESSION);
        assertThat(last(r).detail()).isEqualTo("INVITE sip:pchat@example.com (provisioning named no pool, default pool)"
                + " answered 403 Forbidden");
        assertThat(server.received("INVITE")).last()
                .satisfies(i -> assertThat(i.getRequestURI().toString()).isEqualTo("sip:pchat@example.com"));
        assertThat(unregisters()).hasSize(2);
    }

    @Test
    void invalidRequestsAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> ChatMessageProbe.Request.of("127.0.0.1", 0, "alice@example.com", "p", "bob", "p",
                "Lobby")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serverPort");
        assertThatThrownBy(() -> ChatMessageProbe.Request.of("127.0.0.1", 5060, "alice", "p", "bob", "p", "Lobby"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("domain");
        assertThatThrownBy(() -> ChatMessageProbe.Request.of("127.0.0.1", 5060, "alice@example.com", "p",
                "bob <x>", "p", "Lobby")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChatMessageProbe.Request.of("127.0.0.1", 5060, "alice@example.com", "p", "bob",
                "p", " ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("room");
        assertThatThrownBy(() -> ChatMessageProbe.Request.of("127.0.0.1", 5060, "alice@example.com", "p", "bob",
                "p", "ma-chan://example.com/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChatMessageProbe.Request.of("127.0.0.1", 5060, "alice@example.com", null, "bob",
                "p", "Lobby")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ChatMessageProbe.Request("127.0.0.1", 5060, null, null, "alice@example.com",
                "p", "bob", "p", "Lobby", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.received).isEmpty();

        ChatMessageProbe.Request ok = new ChatMessageProbe.Request("127.0.0.1", 5060, null, null,
                "sip:alice@example.com", "secret-1", "bob", "secret-2", "Lobby", null);
        assertThat(ok.transport()).isEqualTo(Transport.TCP);
        assertThat(ok.domain()).isEqualTo("example.com");
        assertThat(ok.sender()).isEqualTo("alice@example.com");
        assertThat(ok.receiver()).isEqualTo("bob@example.com");
        assertThat(ok.stepTimeout()).isEqualTo(ChatMessageProbe.DEFAULT_STEP_TIMEOUT);
        assertThat(ok.toString()).doesNotContain("secret");
    }

    private List<String> unregisters() {
        return server.received("REGISTER").stream()
                .filter(q -> q.getHeader("Expires") != null && q.getHeader("Expires").toString().trim().endsWith(" 0"))
                .filter(q -> q.getHeader("Proxy-Authorization") != null)
                .map(q -> ((javax.sip.header.FromHeader) q.getHeader("From")).getAddress().getURI().toString())
                .toList();
    }

    private void assertNoThreadLeft() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        List<String> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !threadsBefore.contains(t) && t.isAlive())
                    .filter(t -> !t.getName().startsWith("ForkJoinPool") && !t.getName().startsWith("junit")
                            && !t.getName().equals("fake-xccos-sender"))
                    .map(Thread::getName).toList();
            if (!left.isEmpty()) {
                Thread.sleep(50);
            }
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        assertThat(left).as("threads the probe left running").isEmpty();
    }

    private static Step step(Result r, String name) {
        return r.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static Step last(Result r) {
        return r.steps().get(r.steps().size() - 1);
    }

    private static String body(Request r) {
        return r.getRawContent() == null ? "" : new String(r.getRawContent(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
