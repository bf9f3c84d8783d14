package org.openpchat.it.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.it.PchatDeployment;
import org.openpchat.it.sip.app.EchoServlet;
import org.openpchat.it.sip.app.Greeting;
import org.openpchat.it.sip.app.LaterSender;
import org.openpchat.it.sip.app.SipItRows;

/** The SIP container in GlassFish, seen from a client on real sockets. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SipContainerIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.withSipApplication("sip-it", EchoServlet.class, SipItRows.class, LaterSender.class,
                Greeting.class);
    }

    @Test
    void optionsOverUdpReachesTheServletWithInjection() throws Exception {
        String response = RawSip.udp(RawSip.options("UDP", 0, "").replace(":0;", ":LOCALPORT;"));
        assertThat(response).startsWith("SIP/2.0 200").contains("X-Injected: hello-from-cdi");
    }

    @Test
    void optionsOverTcp() throws Exception {
        try (RawSip.Tcp tcp = new RawSip.Tcp()) {
            tcp.write(RawSip.options("TCP", tcp.localPort(), ""));
            assertThat(tcp.readHead()).startsWith("SIP/2.0 200").contains("Content-Length: 0");
        }
    }

    @Test
    void aDialogWithoutViaBranchesWorksBothWaysOverTheClientsConnection() throws Exception {
        try (RawSip.Tcp tcp = new RawSip.Tcp()) {
            RawDialog dialog = RawDialog.invite(tcp);
            assertThat(dialog.send("INFO", "ping", false)).startsWith("SIP/2.0 200");

            assertThat(dialog.send("INFO", "echo:hello over the same connection", false)).startsWith("SIP/2.0 200");
            String pushed = dialog.awaitRequest();
            assertThat(pushed).startsWith("INFO ").contains("Content-Length: 30");
            assertThat(RawSip.body(pushed)).isEqualTo("hello over the same connection");

            assertThat(dialog.send("UPDATE", null, false)).startsWith("SIP/2.0 200");
            assertThat(dialog.send("BYE", null, false)).startsWith("SIP/2.0 200");
            assertThat(dialog.send("INFO", "ping", false)).startsWith("SIP/2.0 481");
        }
    }

    @Test
    void requestsOnUnknownDialogsGet481() throws Exception {
        try (RawSip.Tcp tcp = new RawSip.Tcp()) {
            assertThat(RawDialog.forged(tcp).send("INFO", "ping", true)).startsWith("SIP/2.0 481");
        }
    }

    @Test
    void aServletThatThrowsRollsBackAndAnswers500() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        try (RawSip.Tcp tcp = new RawSip.Tcp()) {
            RawDialog dialog = RawDialog.invite(tcp);
            assertThat(dialog.send("INFO", "store:" + key, false)).startsWith("SIP/2.0 200");
            assertThat(dialog.send("INFO", "fail:" + key, false)).startsWith("SIP/2.0 500");
            assertThat(RawSip.body(dialog.send("INFO", "count:" + key, false))).isEqualTo("1");
            dialog.send("BYE", null, false);
        }
    }

    @Test
    void anAnswerSentBeforeARollbackIsReplacedBy500() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        try (RawSip.Tcp tcp = new RawSip.Tcp()) {
            RawDialog dialog = RawDialog.invite(tcp);
            assertThat(dialog.send("INFO", "answer-then-rollback:" + key, false)).startsWith("SIP/2.0 500");
            assertThat(RawSip.body(dialog.send("INFO", "count:" + key, false))).isEqualTo("0");
            dialog.send("BYE", null, false);
        }
    }

    @Test
    void requestsFromOutsideADeliveryAndFromTimersReachTheClient() throws Exception {
        try (RawSip.Tcp tcp = new RawSip.Tcp()) {
            RawDialog dialog = RawDialog.invite(tcp);
            assertThat(dialog.send("INFO", "later:sent by an asynchronous bean", false)).startsWith("SIP/2.0 200");
            assertThat(RawSip.body(dialog.awaitRequest())).isEqualTo("sent by an asynchronous bean");
            assertThat(dialog.send("INFO", "timer:sent by a servlet timer", false)).startsWith("SIP/2.0 200");
            assertThat(RawSip.body(dialog.awaitRequest())).isEqualTo("sent by a servlet timer");
            dialog.send("BYE", null, false);
        }
    }

    @Test
    void keepAlivesAndGarbageLeaveTheConnectionUsable() throws Exception {
        try (RawSip.Tcp tcp = new RawSip.Tcp()) {
            tcp.write("\r\n\r\n");
            tcp.write(RawSip.options("TCP", tcp.localPort(), ""));
            assertThat(tcp.readHead()).startsWith("SIP/2.0 200");
        }
        try (RawSip.Tcp tcp = new RawSip.Tcp()) {
            // No SIP start line and no Via: a response goes where the request's top Via says (RFC 3261
            // 18.2.2) and copies its Call-ID, CSeq, From and To (8.2.6.2), none of which this has, so
            // there is nothing to answer. The stack drops it and closes the connection it can no
            // longer frame: the client sees the close at once, not a silence until its timeout.
            tcp.write("THIS IS NOT SIP\r\nReally: not\r\nContent-Length: 0\r\n\r\n");
            assertThat(tcp.readHead()).isNull();
            assertThat(tcp.closedByServer()).as("the server closed the connection").isTrue();
        }
        try (RawSip.Tcp tcp = new RawSip.Tcp()) {
            tcp.write(RawSip.options("TCP", tcp.localPort(), ""));
            assertThat(tcp.readHead()).startsWith("SIP/2.0 200");
        }
    }

    @Test
    void aMalformedButAnswerableRequestGets400() throws Exception {
        // a SIP start line and a Via to answer to, but a CSeq that is no number
        String answer = RawSip.udp(RawSip.options("UDP", 0, "").replace(":0;", ":LOCALPORT;")
                .replace("CSeq: 1 OPTIONS", "CSeq: one OPTIONS"));
        assertThat(answer).as("no answer within 3 s").isNotNull();
        assertThat(answer).startsWith("SIP/2.0 400");
    }

    @Test
    void oversizeMessagesAreRefused() throws Exception {
        String big = "X-Padding: " + "a".repeat(300_000) + "\r\n";
        try (RawSip.Tcp tcp = new RawSip.Tcp()) {
            tcp.write(RawSip.options("TCP", tcp.localPort(), big));
            String answer = tcp.readHead();
            if (answer == null) {
                assertThat(tcp.closedByServer()).as("refused by closing the connection, not by a silence until "
                        + "the client's timeout").isTrue();
            } else {
                assertThat(answer).as("refused with an error status").matches("(?s)SIP/2\\.0 [45]\\d\\d .*");
            }
        }
        try (RawSip.Tcp tcp = new RawSip.Tcp()) {
            tcp.write(RawSip.options("TCP", tcp.localPort(), ""));
            assertThat(tcp.readHead()).startsWith("SIP/2.0 200");
        }
    }

    @Test
    void aRequestResentAfter407WithTheSameBranchAndCSeqIsANewAttempt() throws Exception {
        String branch = "z9hG4bK" + java.util.UUID.randomUUID();
        String callId = java.util.UUID.randomUUID().toString();
        try (RawSip.Tcp tcp = new RawSip.Tcp()) {
            tcp.write(RawSip.request("REGISTER", "TCP", tcp.localPort(), branch, callId, "X-Challenge: yes\r\n"));
            assertThat(tcp.readHead()).startsWith("SIP/2.0 407").contains("Proxy-Authenticate: Digest");
            tcp.write(RawSip.request("REGISTER", "TCP", tcp.localPort(), branch, callId,
                    "X-Challenge: yes\r\nProxy-Authorization: Digest username=\"tester\"\r\n"));
            assertThat(tcp.readHead()).startsWith("SIP/2.0 200");
        }
        String udpBranch = "z9hG4bK" + java.util.UUID.randomUUID();
        String udpCallId = java.util.UUID.randomUUID().toString();
        assertThat(RawSip.udp(RawSip.request("REGISTER", "UDP", 0, udpBranch, udpCallId, "X-Challenge: yes\r\n")
                .replace(":0;", ":LOCALPORT;"))).startsWith("SIP/2.0 407");
        assertThat(RawSip.udp(RawSip.request("REGISTER", "UDP", 0, udpBranch, udpCallId,
                "X-Challenge: yes\r\nProxy-Authorization: Digest username=\"tester\"\r\n")
                .replace(":0;", ":LOCALPORT;"))).startsWith("SIP/2.0 200");
    }

    @Test
    void theServerCallsAClientAsUserAgentClient() throws Exception {
        try (RawSip.Tcp tcp = new RawSip.Tcp()) {
            RawDialog dialog = RawDialog.invite(tcp);
            String me = "sip:alice@127.0.0.1:" + tcp.localPort() + ";transport=tcp";
            assertThat(dialog.send("INFO", "call:" + me, false)).startsWith("SIP/2.0 200");

            String invite = dialog.next();
            assertThat(invite).startsWith("INVITE " + me);
            RawDialog.answer(tcp, invite, "uas1");
            String ack = dialog.next();
            assertThat(ack).startsWith("ACK ").contains(";tag=uas1");
            String bye = dialog.next();
            assertThat(bye).startsWith("BYE ").contains(";tag=uas1");
            assertThat(RawSip.header(bye, "Call-ID")).isEqualTo(RawSip.header(invite, "Call-ID"));
            RawDialog.answer(tcp, bye, "");
            dialog.send("BYE", null, false);
        }
    }

    @Test
    void aThousandDialogsAtOnce() throws Exception {
        int connections = 20;
        int dialogsEach = 50;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(connections);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            java.util.concurrent.CyclicBarrier allOpen = new java.util.concurrent.CyclicBarrier(connections);
            for (int c = 0; c < connections; c++) {
                results.add(pool.submit(() -> {
                    try (RawSip.Tcp tcp = new RawSip.Tcp()) {
                        java.util.List<RawDialog> dialogs = new java.util.ArrayList<>();
                        for (int d = 0; d < dialogsEach; d++) {
                            dialogs.add(RawDialog.invite(tcp));
                        }
                        allOpen.await(60, java.util.concurrent.TimeUnit.SECONDS);
                        int echoed = 0;
                        for (int d = 0; d < dialogsEach; d++) {
                            String text = "dialog " + d + " on port " + tcp.localPort();
                            dialogs.get(d).send("INFO", "echo:" + text, false);
                            if (RawSip.body(dialogs.get(d).awaitRequest()).equals(text)) {
                                echoed++;
                            }
                        }
                        for (RawDialog dialog : dialogs) {
                            dialog.send("BYE", null, false);
                        }
                        return echoed;
                    }
                }));
            }
            int echoed = 0;
            java.util.List<String> failures = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> result : results) {
                try {
                    echoed += result.get(120, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(String.valueOf(e.getCause()));
                }
            }
            assertThat(failures).isEmpty();
            assertThat(echoed).isEqualTo(connections * dialogsEach);
        } finally {
            pool.shutdownNow();
        }
    }
}
