package org.openpchat.it.sip.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SIP test client against an in-process JAIN-SIP UAS stub (no GlassFish). */
@Timeout(60)
class SipTestClientTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static SipUasStub stub;

    @BeforeAll
    static void startStub() throws Exception {
        stub = SipUasStub.start();
    }

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void optionsGets200(String transport) {
        try (SipTestClient c = SipTestClient.start(transport)) {
            ReceivedResponse r = c.send("OPTIONS", stub.uri("pchat", transport), Map.of("X-Test", "yes"), null,
                    null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("call-id")).isNotBlank();
            assertThat(r.headerValues("Via")).hasSize(1);
            Request seen = stub.received("OPTIONS").stream()
                    .filter(q -> q.getHeader("X-Test") != null).reduce((a, b) -> b).orElseThrow();
            assertThat(((ViaHeader) seen.getHeader(ViaHeader.NAME)).getTransport()).isEqualToIgnoringCase(transport);
        }
    }

    @Test
    void outboundProxySendsAnyRequestUriToTheServer() {
        try (SipTestClient c = SipTestClient.start("tcp", "127.0.0.1:" + stub.port())) {
            List<ReceivedResponse> all = c.sendAll("OPTIONS", "sip:pchat@example.com", Map.of(), null, null);
            assertThat(all).last().extracting(ReceivedResponse::status).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void inviteAckInfoBye(String transport) throws Exception {
        try (SipTestClient c = SipTestClient.start(transport)) {
            ClientDialog d = c.invite(stub.uri("pchat", transport));
            assertThat(d.remoteTag()).isNotBlank();
            assertThat(d.remoteTarget()).isEqualTo(stub.uri("stub", transport));
            assertThat(d.inviteResponse().status()).isEqualTo(200);
            awaitAck(d.callId());

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
    void refusedBranchlessInviteIsAckedAndThrows() {
        try (SipTestClient c = SipTestClient.start("tcp")) {
            assertThatThrownBy(() -> c.inviteWithoutBranch(stub.uri("busy", "tcp")))
                    .isInstanceOfSatisfying(SipFailureException.class,
                            e -> assertThat(e.response().status()).isEqualTo(486));
            // the hop-by-hop ACK (no branch, same Request-URI) matches the INVITE server transaction
            Request invite = last(stub.received("INVITE"));
            assertThat(invite.getRequestURI().toString()).contains("busy");
            int invitePort = ((gov.nist.javax.sip.message.SIPRequest) invite).getRemotePort();
            assertThat(c.send("OPTIONS", stub.uri("pchat", "tcp"), Map.of(), null, null).status()).isEqualTo(200);
            Request options = last(stub.received("OPTIONS"));
            assertThat(((gov.nist.javax.sip.message.SIPRequest) options).getRemotePort())
                    .as("same TCP connection after the ACK").isEqualTo(invitePort);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void requestWithoutTransactionKeepsTheGivenViaCallIdAndCseq(String transport) {
        try (SipTestClient c = SipTestClient.start(transport)) {
            // JAIN-SIP matches server transactions by branch alone (not branch + sent-by): a branch
            // reused from another client would be taken for a retransmission, so keep it unique
            String branch = "z9hG4bKfixed" + transport + System.nanoTime();
            String via = "SIP/2.0/" + transport.toUpperCase() + " 127.0.0.1:" + c.port() + ";branch=" + branch;
            Map<String, String> fixed = Map.of("Via", via, "Call-ID", "fixed-call-" + transport, "CSeq", "7 OPTIONS");
            for (int attempt = 0; attempt < 2; attempt++) { // the same request twice, like SIPE after a 407
                List<ReceivedResponse> all = c.sendWithoutTransaction("OPTIONS", stub.uri("pchat", transport), fixed,
                        null, null);
                assertThat(all).last().extracting(ReceivedResponse::status).isEqualTo(200);
            }
            Request seen = last(stub.received("OPTIONS"));
            assertThat(((ViaHeader) seen.getHeader(ViaHeader.NAME)).getBranch()).isEqualTo(branch);
            assertThat(seen.getHeader("CSeq").toString()).contains("7 OPTIONS");
            // an ACK is only sent, nothing is awaited (NB: a JAIN-SIP server closes a TCP connection
            // on a branch-less ACK that matches no INVITE, so this stays the last request here)
            assertThat(c.sendWithoutTransaction("ACK", stub.uri("pchat", transport), Map.of(), null, null)).isEmpty();
        }
    }

    @Test
    void inDialogRequestsWithoutClientTransactionsOverTcp() {
        try (SipTestClient c = SipTestClient.start("tcp").useTransactions(false)) {
            ClientDialog d = c.invite(stub.uri("pchat", "tcp"));
            for (int i = 0; i < 20; i++) {
                assertThat(d.request("INFO", "text/plain", "n" + i).status()).isEqualTo(200);
            }
            Request seen = last(stub.received("INFO"));
            assertThat(((ViaHeader) seen.getHeader(ViaHeader.NAME)).getBranch()).startsWith("z9hG4bK");
            assertThat(d.bye().status()).isEqualTo(200);
        }
    }

    @Test
    void refusedInviteThrowsWithTheResponse() {
        try (SipTestClient c = SipTestClient.start("udp")) {
            assertThatThrownBy(() -> c.invite(stub.uri("busy", "udp")))
                    .isInstanceOfSatisfying(SipFailureException.class,
                            e -> assertThat(e.response().status()).isEqualTo(486));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void branchlessInfoGetsIts200(String transport) {
        try (SipTestClient c = SipTestClient.start(transport)) {
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

    /**
     * SIPE's INVITE and ACK carry no branch, and the ACK goes to the 200's Contact. Played against
     * a hand-written server because a plain JAIN-SIP 1.3.0-91 UAS (like {@link SipUasStub}) drops
     * such an ACK, since no transaction matches it, and closes the TCP connection.
     */
    @Test
    void sipeLikeInviteSendsBranchlessInviteAndAckToTheContact() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
                SipTestClient c = SipTestClient.start("tcp")) {
            int port = server.getLocalPort();
            CompletableFuture<ClientDialog> dialog = CompletableFuture
                    .supplyAsync(() -> c.inviteWithoutBranch("sip:pchat@127.0.0.1:" + port));
            try (RawTcp peer = RawTcp.wrap(server.accept())) {
                String invite = peer.readMessage(WAIT);
                assertThat(invite).startsWith("INVITE sip:pchat@127.0.0.1:" + port);
                assertThat(header(invite, "Via")).doesNotContain("branch");
                peer.write(okFor(invite, "srvtag", "<sip:fake@127.0.0.1:" + port + ";transport=tcp>"));
                String ack = peer.readMessage(WAIT);
                assertThat(ack).startsWith("ACK sip:fake@127.0.0.1:" + port + ";transport=tcp SIP/2.0");
                assertThat(header(ack, "Via")).doesNotContain("branch");
                assertThat(header(ack, "CSeq")).isEqualTo("1 ACK");
                assertThat(header(ack, "To")).contains("tag=srvtag");
                ClientDialog d = dialog.get(5, TimeUnit.SECONDS);
                assertThat(d.remoteTag()).isEqualTo("srvtag");
                assertThat(d.remoteTarget()).isEqualTo("sip:fake@127.0.0.1:" + port + ";transport=tcp");
            }
        }
    }

    private static String header(String message, String name) {
        return message.lines().filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(l -> l.substring(name.length() + 1).trim()).findFirst().orElse(null);
    }

    private static String okFor(String request, String toTag, String contact) {
        StringBuilder sb = new StringBuilder("SIP/2.0 200 OK\r\n");
        for (String h : List.of("Via", "From", "Call-ID", "CSeq")) {
            sb.append(h).append(": ").append(header(request, h)).append("\r\n");
        }
        return sb.append("To: ").append(header(request, "To")).append(";tag=").append(toTag).append("\r\n")
                .append("Contact: ").append(contact).append("\r\n")
                .append("Content-Length: 0\r\n\r\n").toString();
    }

    @Test
    void serverInitiatedInfoComesOverTheClientsTcpConnectionAndGets200() throws Exception {
        try (SipTestClient c = SipTestClient.start("tcp")) {
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
    void answerPolicyPicksTheStatus() throws Exception {
        try (SipTestClient c = SipTestClient.start("tcp")) {
            c.answerWith(r -> r.body().contains("reject") ? 487 : 200);
            ClientDialog d = c.invite(stub.uri("pchat", "tcp"));
            assertThat(stub.sendInfo(d.callId(), "reject me").getStatusCode()).isEqualTo(487);
            assertThat(stub.sendInfo(d.callId(), "fine").getStatusCode()).isEqualTo(200);
            assertThat(c.awaitRequest("INFO", WAIT).body()).isEqualTo("reject me");
            assertThat(c.awaitRequest("INFO", WAIT).body()).isEqualTo("fine");
            assertThatThrownBy(() -> c.awaitRequest("INFO", Duration.ofMillis(100)))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void forgedDialogGets481(String transport) {
        try (SipTestClient c = SipTestClient.start(transport)) {
            ClientDialog forged = c.forgedDialog("no-such-call@test", "t1", "t2", stub.uri("pchat", transport));
            assertThat(forged.request("INFO", "text/plain", "<xccos/>").status()).isEqualTo(481);
            assertThat(forged.requestWithoutBranch("UPDATE", null, null).status()).isEqualTo(481);
        }
    }

    @Test
    void rawTcpReadsTheResponseToAHandWrittenOptionsAfterKeepAlives() {
        try (RawTcp raw = SipTestClient.rawTcp("127.0.0.1", stub.port())) {
            raw.write("\r\n\r\n"); // SIPE's keep-alive
            raw.write(options("TCP", raw.localPort(), "raw-tcp-1"));
            String response = raw.readMessage(WAIT);
            assertThat(response).startsWith("SIP/2.0 200").contains("raw-tcp-1");
            assertThat(raw.isOpen(Duration.ofMillis(200))).isTrue();
        }
    }

    @Test
    void rawUdpReadsTheResponseToAHandWrittenOptions() {
        try (RawUdp raw = SipTestClient.rawUdp("127.0.0.1", stub.port())) {
            raw.send(options("UDP", raw.localPort(), "raw-udp-1"));
            assertThat(raw.receive(WAIT)).startsWith("SIP/2.0 200").contains("raw-udp-1");
        }
    }

    @Test
    void manyConcurrentDialogsOverTcp() throws Exception {
        int dialogs = 200;
        try (SipTestClient c = SipTestClient.start("tcp")) {
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
    void loadRunCountsInfoTransactions() throws Exception {
        try (SipTestClient c = SipTestClient.start("tcp")) {
            List<ClientDialog> dialogs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                dialogs.add(c.invite(stub.uri("pchat", "tcp")));
            }
            LoadRun.Result r = LoadRun.infos(dialogs, 400, 4, "text/plain", "<xccos/>");
            assertThat(r.count()).isEqualTo(400);
            assertThat(r.errors()).isZero();
            assertThat(r.p50Ms()).isLessThanOrEqualTo(r.p99Ms());
            assertThat(dialogs.stream().mapToLong(ClientDialog::localCseq).sum()).isEqualTo(8 + 400);
        }
    }

    @Test
    void closeEndsEveryStackThread() throws Exception {
        SipTestClient c = SipTestClient.start("tcp");
        c.send("OPTIONS", stub.uri("pchat", "tcp"), Map.of(), null, null);
        ThreadGroup group = c.threadGroup();
        c.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (group.activeCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(group.activeCount()).as("threads left in " + group.getName()).isZero();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().contains(String.valueOf(c.port())));
    }

    private static String options(String transport, int localPort, String callId) {
        return "OPTIONS sip:pchat@127.0.0.1:" + stub.port() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:" + localPort + ";branch=z9hG4bK" + callId + "\r\n"
                + "From: <sip:raw@127.0.0.1>;tag=1\r\n"
                + "To: <sip:pchat@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
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
