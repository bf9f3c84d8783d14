package org.openpchat.client.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import gov.nist.core.CommonLogger;

import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpchat.client.testing.UnusedPort;

/** The SIP client against an in-process JAIN-SIP UAS stub. */
@Timeout(60)
class SipClientTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static SipUasStub stub;

    @BeforeAll
    static void startStub() {
        stub = SipUasStub.start();
    }

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void optionsGets200(String transport) {
        try (SipClient c = SipClient.start(transport)) {
            ReceivedResponse r = c.send("OPTIONS", stub.uri("pchat", transport), Map.of("X-Test", "yes"), null,
                    null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("call-id")).isNotBlank();
            assertThat(r.headerValues("Via")).hasSize(1);
            Request seen = stub.received("OPTIONS").stream()
                    .filter(q -> q.getHeader("X-Test") != null).reduce((a, b) -> b).orElseThrow();
            assertThat(((ViaHeader) seen.getHeader(ViaHeader.NAME)).getTransport()).isEqualToIgnoringCase(transport);
            assertThat(((ViaHeader) seen.getHeader(ViaHeader.NAME)).getPort()).isEqualTo(c.port());
        }
    }

    @Test
    void outboundProxySendsAnyRequestUriToTheServer() {
        try (SipClient c = SipClient.start(SipClientSettings.of(Transport.TCP)
                .withOutboundProxy(SipUasStub.HOST, stub.port()))) {
            assertThat(c.send("OPTIONS", "sip:pchat@example.com", Map.of(), null, null).status()).isEqualTo(200);
            assertThat(stub.received("OPTIONS")).last()
                    .satisfies(r -> assertThat(r.getRequestURI().toString()).isEqualTo("sip:pchat@example.com"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void inviteAckInfoBye(String transport) throws Exception {
        try (SipClient c = SipClient.start(transport)) {
            c.localUri("sip:alice@example.com");
            ClientDialog d = c.invite(stub.uri("pchat", transport));
            assertThat(d.remoteTag()).isNotBlank();
            assertThat(d.remoteTarget()).isEqualTo(stub.uri("stub", transport));
            assertThat(d.inviteResponse().status()).isEqualTo(200);
            awaitAck(d.callId());
            Request invite = last(stub.received("INVITE"));
            assertThat(invite.getHeader("Contact").toString())
                    .contains("sip:alice@127.0.0.1:" + c.port() + ";transport=" + transport);
            assertThat(new String(invite.getRawContent(), "UTF-8")).contains("m=message " + c.port() + " sip null");

            ReceivedResponse info = d.request("INFO", "text/plain", "<xccos/>");
            assertThat(info.status()).isEqualTo(200);
            Request seen = last(stub.received("INFO"));
            assertThat(new String(seen.getRawContent(), "UTF-8")).isEqualTo("<xccos/>");
            assertThat(seen.getHeader("CSeq").toString()).contains("2 INFO");

            assertThat(d.bye().status()).isEqualTo(200);
            assertThat(stub.dialogs).doesNotContainKey(d.callId());
            assertThat(d.request("INFO", "text/plain", "late").status()).isEqualTo(481);
        }
    }

    @Test
    void refusedInviteThrowsWithTheResponse() {
        try (SipClient c = SipClient.start("udp")) {
            assertThatThrownBy(() -> c.invite(stub.uri("busy", "udp")))
                    .isInstanceOfSatisfying(SipFailureException.class,
                            e -> assertThat(e.response().status()).isEqualTo(486));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void branchlessInfoGetsIts200(String transport) {
        try (SipClient c = SipClient.start(transport)) {
            ClientDialog d = c.invite(stub.uri("pchat", transport));
            ReceivedResponse r = d.requestWithoutBranch("INFO", "text/plain", "<xccos/>");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Via")).doesNotContain("branch");
            Request seen = last(stub.received("INFO"));
            assertThat(((ViaHeader) seen.getHeader(ViaHeader.NAME)).getBranch()).isNull();
            // twice on the same dialog: matched by CSeq, not by branch
            assertThat(d.requestWithoutBranch("UPDATE", null, null).status()).isEqualTo(200);
            assertThat(d.bye().status()).isEqualTo(200);
        }
    }

    @Test
    void serverInitiatedInfoComesOverTheClientsTcpConnectionAndGets200() throws Exception {
        try (SipClient c = SipClient.start("tcp")) {
            ClientDialog d = c.invite(stub.uri("pchat", "tcp"));
            Response answer = stub.sendInfo(d.callId(), "<xccos>reply</xccos>");
            assertThat(answer.getStatusCode()).isEqualTo(200);

            ReceivedRequest info = c.awaitRequest("INFO", WAIT);
            assertThat(info.callId()).isEqualTo(d.callId());
            assertThat(info.body()).isEqualTo("<xccos>reply</xccos>");
            assertThat(info.transport()).isEqualTo("tcp");
            // peer = the stub's listening port: the stub reused the connection the client opened
            assertThat(info.remotePort()).isEqualTo(stub.port());
            d.bye();
        }
    }

    @Test
    void anObserverTakesServerRequestsBeforeTheQueue() throws Exception {
        try (SipClient c = SipClient.start("tcp")) {
            List<String> taken = Collections.synchronizedList(new ArrayList<>());
            c.onRequest(r -> r.body().startsWith("mine") && taken.add(r.body()));
            ClientDialog d = c.invite(stub.uri("pchat", "tcp"));
            assertThat(stub.sendInfo(d.callId(), "mine 1").getStatusCode()).isEqualTo(200);
            assertThat(stub.sendInfo(d.callId(), "queued").getStatusCode()).isEqualTo(200);
            assertThat(c.awaitRequest("INFO", WAIT).body()).isEqualTo("queued");
            assertThat(taken).containsExactly("mine 1");
            assertThatThrownBy(() -> c.awaitRequest("INFO", Duration.ofMillis(100)))
                    .isInstanceOf(SipTimeoutException.class).hasMessageContaining("no INFO request within 100 ms");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void aDialogTheServerDoesNotKnowGets481(String transport) {
        try (SipClient c = SipClient.start(transport)) {
            ClientDialog unknown = c.dialogOf("no-such-call@test", "t1", "t2", stub.uri("pchat", transport));
            assertThat(unknown.inviteResponse()).isNull();
            assertThat(unknown.request("INFO", "text/plain", "<xccos/>").status()).isEqualTo(481);
            assertThat(unknown.requestWithoutBranch("UPDATE", null, null).status()).isEqualTo(481);
        }
    }

    @Test
    void manyConcurrentDialogsOverTcp() throws Exception {
        int dialogs = 200;
        try (SipClient c = SipClient.start("tcp")) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<ClientDialog>> opened = new ArrayList<>();
                for (int i = 0; i < dialogs; i++) {
                    opened.add(pool.submit(() -> c.invite(stub.uri("pchat", "tcp"))));
                }
                List<ClientDialog> all = Collections.synchronizedList(new ArrayList<>());
                for (Future<ClientDialog> f : opened) {
                    all.add(f.get(30, TimeUnit.SECONDS));
                }
                List<Future<Integer>> infos = new ArrayList<>();
                for (ClientDialog d : all) {
                    infos.add(pool.submit(() -> d.request("INFO", "text/plain", "x").status()
                            + d.bye().status()));
                }
                for (Future<Integer> f : infos) {
                    assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(400);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void anUnreachableServerFailsAtOnceSayingWhere() throws Exception {
        int closed = UnusedPort.on(SipUasStub.HOST);
        try (SipClient c = SipClient.start(SipClientSettings.of(Transport.TCP)
                .withOutboundProxy(SipUasStub.HOST, closed).withTimeout(Duration.ofSeconds(20)))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> c.send("REGISTER", "sip:example.com", Map.of(), null, null))
                    .isExactlyInstanceOf(SipClientException.class)
                    .hasMessageContaining("127.0.0.1:" + closed + " over TCP").hasMessageContaining("Could not connect");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getByName(SipUasStub.HOST));
                SipClient c = SipClient.start(SipClientSettings.of(Transport.TCP)
                        .withOutboundProxy(SipUasStub.HOST, silent.getLocalPort())
                        .withTimeout(Duration.ofMillis(300)))) {
            assertThatThrownBy(() -> c.send("OPTIONS", "sip:example.com", Map.of(), null, null))
                    .isInstanceOf(SipTimeoutException.class)
                    .hasMessage("no final response to OPTIONS sip:example.com within 300 ms");
        }
    }

    @Test
    void jainSipLogsThroughJavaUtilLogging() {
        try (SipClient c = SipClient.start("tcp")) {
            // JAIN-SIP's static code logs through the logger of the newest stack
            assertThat(CommonLogger.legacyLogger).isInstanceOf(JulStackLogger.class);
        }
    }

    /**
     * GlassFish names its key store and not its password: JAIN-SIP's own TLS set-up would fail on
     * it, even without TLS. The client opens no key store.
     */
    @Test
    void aKeyStoreTheJvmNamesWithoutItsPasswordDoesNotStopTheClient(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("keystore.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (OutputStream out = Files.newOutputStream(store)) {
            ks.store(out, "secret".toCharArray());
        }
        String before = System.getProperty("javax.net.ssl.keyStore");
        System.setProperty("javax.net.ssl.keyStore", store.toString());
        try (SipClient c = SipClient.start("tcp")) {
            assertThat(c.send("OPTIONS", stub.uri("pchat", "tcp"), Map.of(), null, null).status()).isEqualTo(200);
        } finally {
            if (before == null) {
                System.clearProperty("javax.net.ssl.keyStore");
            } else {
                System.setProperty("javax.net.ssl.keyStore", before);
            }
        }
    }

    @Test
    void closeEndsEveryThreadTheClientStarted() throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        SipClient c = SipClient.start("tcp");
        ClientDialog d = c.invite(stub.uri("pchat", "tcp"));
        d.request("INFO", "text/plain", "x");
        ThreadGroup group = c.threadGroup();
        assertThat(group.activeCount()).isPositive();
        c.close();
        c.close(); // idempotent
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (!leftOver(before).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(group.activeCount()).as("threads left in " + group.getName()).isZero();
        assertThat(leftOver(before)).as("threads started by the client and still alive").isEmpty();
        assertThatThrownBy(() -> c.send("OPTIONS", stub.uri("pchat", "tcp"), Map.of(), null, null))
                .isInstanceOf(SipClientException.class).hasMessage("client closed");
    }

    private static List<String> leftOver(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                .filter(t -> !t.getName().startsWith("ForkJoinPool") && !t.getName().startsWith("junit"))
                .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : "")).toList();
    }

    private static void awaitAck(String callId) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (stub.received("ACK").stream().anyMatch(a -> a.getHeader("Call-ID").toString().contains(callId))) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no ACK for " + callId);
    }

    private static <T> T last(List<T> list) {
        assertThat(list).isNotEmpty();
        return list.get(list.size() - 1);
    }
}
