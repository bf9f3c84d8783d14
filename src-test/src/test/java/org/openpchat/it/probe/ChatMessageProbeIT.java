package org.openpchat.it.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.client.probe.ChatMessageProbe;
import org.openpchat.client.probe.ChatMessageProbe.Request;
import org.openpchat.client.probe.ChatMessageProbe.Result;
import org.openpchat.client.probe.ChatMessageProbe.Step;
import org.openpchat.client.testing.UnusedPort;
import org.openpchat.it.PchatDeployment;

/**
 * Test-CsPersistentChatMessage against the shipped EAR and its demo data: from the test JVM over
 * the server's SIP listener ({@code @RunAsClient}), and inside the server as the REST API runs it
 * (the client in a module of the EAR, JAIN-SIP from the SIP resource adapter, the adapter's stack in
 * the same JVM).
 */
@ExtendWith(ArquillianExtension.class)
class ChatMessageProbeIT {

    private static final String PASSWORD = "Passw0rd!";
    private static final String SIP_HOST = "127.0.0.1";
    private static final int SIP_PORT = 5060;
    private static final List<String> ALL_STEPS = List.of(ChatMessageProbe.REGISTER_SENDER,
            ChatMessageProbe.REGISTER_RECEIVER, ChatMessageProbe.OPEN_SENDER_SESSION,
            ChatMessageProbe.OPEN_RECEIVER_SESSION, ChatMessageProbe.FIND_ROOM, ChatMessageProbe.RECEIVER_JOINS,
            ChatMessageProbe.SENDER_JOINS, ChatMessageProbe.POST, ChatMessageProbe.RECEIVE, ChatMessageProbe.LEAVE,
            ChatMessageProbe.SIGN_OUT);

    @Deployment
    static EnterpriseArchive deployment() {
        return PchatDeployment.withTests(List.of(ChatMessageProbe.class), ChatMessageProbeIT.class);
    }

    private static Request aliceToBob(String alicePassword, String room) {
        return Request.of(SIP_HOST, SIP_PORT, "sip:alice@example.com", alicePassword, "sip:bob@example.com",
                PASSWORD, room);
    }

    // ------------------------------------------------------------------------- from outside

    @Test
    @RunAsClient
    void aPostGoesFromAliceToBobInLobby() {
        Result r = new ChatMessageProbe().run(aliceToBob(PASSWORD, "Lobby"));

        assertSucceeded(r);
        assertThat(step(r, ChatMessageProbe.FIND_ROOM).detail()).startsWith("ma-chan://example.com/");
        assertThat(step(r, ChatMessageProbe.OPEN_SENDER_SESSION).detail())
                .startsWith("INVITE sip:pchat@example.com (provisioned pool) answered 200");
        assertThat(step(r, ChatMessageProbe.RECEIVE).detail()).startsWith("grpchat from sip:alice@example.com");
    }

    @Test
    @RunAsClient
    void aWrongPasswordFailsTheSendersRegistration() {
        Result r = new ChatMessageProbe().run(aliceToBob("wrong-password", "Lobby"));

        assertThat(r.success()).isFalse();
        assertThat(r.failedStep()).isEqualTo(ChatMessageProbe.REGISTER_SENDER);
        assertThat(r.steps()).singleElement().satisfies(s -> {
            assertThat(s.success()).isFalse();
            assertThat(s.detail()).startsWith("REGISTER as sip:alice@example.com answered 403 ");
        });
    }

    @Test
    @RunAsClient
    void anUnknownRoomFailsTheSearch() {
        Result r = new ChatMessageProbe().run(aliceToBob(PASSWORD, "No Such Room " + System.nanoTime()));

        assertThat(r.failedStep()).isEqualTo(ChatMessageProbe.FIND_ROOM);
        assertThat(r.steps()).hasSize(5).last().satisfies(s -> assertThat(s.detail())
                .startsWith("no room named 'No Such Room ").endsWith("' found by sip:alice@example.com"));
        assertThat(r.steps().subList(0, 4)).allMatch(Step::success);
    }

    @Test
    @RunAsClient
    void anUnreachablePortFailsTheFirstStepSayingWhere() throws Exception {
        int closed = UnusedPort.on(SIP_HOST);
        Result r = new ChatMessageProbe().run(Request.of(SIP_HOST, closed, "alice@example.com", PASSWORD,
                "bob@example.com", PASSWORD, "Lobby"));

        assertThat(r.failedStep()).isEqualTo(ChatMessageProbe.REGISTER_SENDER);
        assertThat(r.steps()).singleElement().satisfies(s -> {
            assertThat(s.detail()).contains(SIP_HOST + ":" + closed + " over TCP").contains("Could not connect");
            assertThat(s.durationMs()).isLessThan(5_000);
        });
    }

    // ------------------------------------------------------------------------- inside the server

    /**
     * As the REST API does, in GlassFish's JVM, which names a key store without its password: the
     * client's stacks open none (they take the SIP container's network layer).
     */
    private static ChatMessageProbe inServerProbe() {
        return new ChatMessageProbe(SIP_HOST);
    }

    @Test
    void insideTheServerAPostGoesFromAliceToBobAndNothingIsLeftRunning() throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());

        Result r = inServerProbe().run(aliceToBob(PASSWORD, "Lobby"));

        assertSucceeded(r);
        // JAIN-SIP's static code logs through the newest stack's logger: still the adapter's (JUL), not log4j
        assertThat(gov.nist.core.CommonLogger.legacyLogger.getClass().getName())
                .isEqualTo("org.openpchat.sip.container.JulStackLogger");
        assertThat(clientThreadsLeft(before)).as("client threads alive after the probe").isEmpty();
    }

    @Test
    void insideTheServerTwoProbesAtOnceSucceedAndTheServerStillServesAfterwards() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Result> first = CompletableFuture.supplyAsync(
                    () -> inServerProbe().run(aliceToBob(PASSWORD, "Lobby")), pool);
            CompletableFuture<Result> second = CompletableFuture.supplyAsync(() -> inServerProbe().run(
                    Request.of(SIP_HOST, SIP_PORT, "carol@example.com", PASSWORD, "dave@example.com", PASSWORD,
                            "Lobby")), pool);
            assertSucceeded(first.get(2, TimeUnit.MINUTES));
            assertSucceeded(second.get(2, TimeUnit.MINUTES));
        } finally {
            pool.shutdownNow();
        }
        assertSucceeded(inServerProbe().run(Request.of(SIP_HOST, SIP_PORT, "erin@example.com", PASSWORD,
                "alice@example.com", PASSWORD, "Lobby")));
    }

    // ------------------------------------------------------------------------- helpers

    private static void assertSucceeded(Result r) {
        assertThat(r.success()).as("%s", r).isTrue();
        assertThat(r.failedStep()).isNull();
        assertThat(r.steps()).extracting(Step::name).containsExactlyElementsOf(ALL_STEPS);
        assertThat(r.steps()).allSatisfy(s -> {
            assertThat(s.success()).isTrue();
            assertThat(s.durationMs()).isNotNegative().isLessThan(ChatMessageProbe.DEFAULT_STEP_TIMEOUT.toMillis());
        });
    }

    private static Step step(Result r, String name) {
        return r.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** JAIN-SIP threads started since {@code before} and still alive after a grace period. */
    private static List<String> clientThreadsLeft(Set<Thread> before) throws InterruptedException {
        List<String> left = List.of();
        for (int i = 0; i < 100; i++) {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive())
                    .filter(t -> t.getThreadGroup() != null && t.getThreadGroup().getName().startsWith("openpchat-client")
                            || t.getName().matches("EventScannerThread|DefaultSipTimerThread|MessageProcessorThread.*"
                                    + "|chat-message-probe-close"))
                    .map(Thread::getName).toList();
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(50);
        }
        return left;
    }
}
