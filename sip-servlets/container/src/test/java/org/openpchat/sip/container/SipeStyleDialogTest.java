package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpchat.sip.servlet.SipServlet;
import org.openpchat.sip.servlet.SipServletRequest;

/**
 * A dialog exactly as SIPE runs it over TCP: no Via branch on any request of the dialog, the
 * INVITE to the chat URI, and ACK and later requests to the Contact of the 200.
 */
class SipeStyleDialogTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private InProcessContainer container;

    @BeforeEach
    void start() throws Exception {
        container = InProcessContainer.onFreePort();
        container.deploy("chat", "pchat", new SipServlet() {
            @Override
            protected void doInvite(SipServletRequest request) {
                seen.add("INVITE");
                try {
                    Thread.sleep(Long.getLong("test.invite.delay", 0));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                request.createResponse(200).send();
            }

            @Override
            protected void doAck(SipServletRequest request) {
                seen.add("ACK");
            }

            @Override
            protected void doInfo(SipServletRequest request) {
                seen.add("INFO " + request.getContent());
                try {
                    Thread.sleep(Long.getLong("test.info.delay", 0));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                request.createResponse(200).send();
                if (request.getContent().startsWith("echo")) {
                    SipServletRequest reply = request.getSession().createRequest("INFO");
                    reply.setContent("re " + request.getContent(), "text/plain");
                    reply.send();
                }
            }
        });
    }

    @AfterEach
    void stop() {
        container.close();
    }

    @Test
    void branchlessAckToTheContactKeepsTheDialogAndTheConnection() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", container.port())) {
            socket.setSoTimeout(3000);
            String callId = UUID.randomUUID().toString();
            write(socket, request("INVITE", "sip:pchat@example.com", callId, 1, null, socket.getLocalPort(), null));
            String ok = finalResponse(socket, callId, "1 INVITE");
            assertThat(ok).startsWith("SIP/2.0 200");
            String toTag = header(ok, "To").replaceAll(".*;tag=", "");
            String contact = header(ok, "Contact").replaceAll(".*<", "").replaceAll(">.*", "");

            write(socket, request("ACK", contact, callId, 1, toTag, socket.getLocalPort(), null));
            write(socket, request("INFO", contact, callId, 2, toTag, socket.getLocalPort(), "hello"));

            assertThat(finalResponse(socket, callId, "2 INFO")).startsWith("SIP/2.0 200");
            assertThat(seen).containsExactly("INVITE", "ACK", "INFO hello");
        }
    }

    /**
     * Stock SIPE seeds its random numbers with the time in seconds: two clients started in the
     * same second send the same Call-ID, From tag and Via branch, from different ports.
     */
    @Test
    void clientsStartedInTheSameSecondEachGetTheirOwnDialog() throws Exception {
        String callId = UUID.randomUUID().toString();
        try (Socket alice = new Socket("127.0.0.1", container.port());
                Socket bob = new Socket("127.0.0.1", container.port())) {
            List<String> toTags = new java.util.ArrayList<>();
            for (Socket socket : List.of(alice, bob)) {
                socket.setSoTimeout(3000);
                write(socket, request("INVITE", "sip:pchat@example.com", callId, 1, null, socket.getLocalPort(), null)
                        .replaceFirst("(Via: [^\r]*)", "$1;branch=z9hG4bKsame-second"));
                String ok = finalResponse(socket, callId, "1 INVITE");
                assertThat(ok).as("INVITE from port " + socket.getLocalPort()).startsWith("SIP/2.0 200");
                toTags.add(header(ok, "To").replaceAll(".*;tag=", ""));
            }
            assertThat(toTags.get(0)).isNotEqualTo(toTags.get(1));

            for (int i = 0; i < 2; i++) {
                Socket socket = i == 0 ? alice : bob;
                write(socket, request("ACK", "sip:pchat@example.com", callId, 1, toTags.get(i), socket.getLocalPort(),
                        null).replaceFirst("(Via: [^\r]*)", "$1;branch=z9hG4bKsame-ack"));
                write(socket, request("INFO", "sip:pchat@example.com", callId, 2, toTags.get(i), socket.getLocalPort(),
                        "from " + i).replaceFirst("(Via: [^\r]*)", "$1;branch=z9hG4bKsame-info"));
                assertThat(finalResponse(socket, callId, "2 INFO")).as("INFO " + i).startsWith("SIP/2.0 200");
            }
            assertThat(seen).containsExactly("INVITE", "INVITE", "ACK", "INFO from 0", "ACK", "INFO from 1");
        }
    }

    /**
     * The same, with the two requests on the wire at the same instant: each connection's reader
     * thread brings its request to the stack at once, and neither may be taken for a
     * retransmission of the other.
     */
    @Test
    void sameBranchRequestsArrivingTogetherAreEachAnswered() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 40; round++) {
                String callId = UUID.randomUUID().toString();
                String branch = "z9hG4bKtogether-" + round;
                try (Socket alice = new Socket("127.0.0.1", container.port());
                        Socket bob = new Socket("127.0.0.1", container.port())) {
                    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                    List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
                    for (Socket socket : List.of(alice, bob)) {
                        socket.setSoTimeout(3000);
                        String invite = request("INVITE", "sip:pchat@example.com", callId, 1, null, socket.getLocalPort(),
                                null).replaceFirst("(Via: [^\r]*)", "$1;branch=" + branch);
                        answers.add(pool.submit(() -> {
                            start.await();
                            write(socket, invite);
                            return finalResponse(socket, callId, "1 INVITE");
                        }));
                    }
                    for (java.util.concurrent.Future<String> answer : answers) {
                        assertThat(answer.get(10, java.util.concurrent.TimeUnit.SECONDS)).as("round " + round)
                                .startsWith("SIP/2.0 200");
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Requests queued behind a slow servlet show in what servlets read to shed load. */
    @Test
    void requestsWaitingForTheirServletCountAsDelay() throws Exception {
        System.setProperty("test.info.delay", "10");
        try (Socket socket = new Socket("127.0.0.1", container.port())) {
            socket.setSoTimeout(10_000);
            String callId = UUID.randomUUID().toString();
            write(socket, request("INVITE", "sip:pchat@example.com", callId, 1, null, socket.getLocalPort(), null));
            String ok = finalResponse(socket, callId, "1 INVITE");
            String toTag = header(ok, "To").replaceAll(".*;tag=", "");
            write(socket, request("ACK", "sip:pchat@example.com", callId, 1, toTag, socket.getLocalPort(), null));
            assertThat(container.deliveryDelayMillis()).as("nothing waited yet").isLessThan(100);

            int last = 2 + DeliveryDelay.MIN_MESSAGES;
            for (int cseq = 2; cseq < last; cseq++) {
                write(socket, request("INFO", "sip:pchat@example.com", callId, cseq, toTag, socket.getLocalPort(), "n" + cseq));
            }
            for (int cseq = 2; cseq < last; cseq++) {
                assertThat(finalResponse(socket, callId, cseq + " INFO")).startsWith("SIP/2.0 200");
            }
            assertThat(container.deliveryDelayMillis()).as("INFOs waited behind each other").isGreaterThanOrEqualTo(500);
        } finally {
            System.clearProperty("test.info.delay");
        }
    }

    @Test
    void aRequestForAnotherConnectionsDialogIsRefused() throws Exception {
        String callId = UUID.randomUUID().toString();
        try (Socket alice = new Socket("127.0.0.1", container.port());
                Socket mallory = new Socket("127.0.0.1", container.port())) {
            alice.setSoTimeout(3000);
            mallory.setSoTimeout(3000);
            write(alice, request("INVITE", "sip:pchat@example.com", callId, 1, null, alice.getLocalPort(), null));
            String toTag = header(finalResponse(alice, callId, "1 INVITE"), "To").replaceAll(".*;tag=", "");

            write(mallory, request("INFO", "sip:pchat@example.com", callId, 2, toTag, mallory.getLocalPort(), "forged"));
            assertThat(finalResponse(mallory, callId, "2 INFO")).startsWith("SIP/2.0 403");
            write(alice, request("INFO", "sip:pchat@example.com", callId, 3, toTag, alice.getLocalPort(), "own"));
            assertThat(finalResponse(alice, callId, "3 INFO")).startsWith("SIP/2.0 200");
            assertThat(seen).containsExactly("INVITE", "INFO own");
        }
    }

    @Test
    void manyConnectionsWithManyDialogsAtOnce() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            runs.add(pool.submit(() -> {
                manyDialogsOnOneConnectionEachGetTheirReplies();
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> run : runs) {
            run.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdownNow();
    }

    @Test
    void manyDialogsOnOneConnectionEachGetTheirReplies() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", container.port())) {
            socket.setSoTimeout(5000);
            List<String[]> dialogs = new java.util.ArrayList<>();
            for (int i = 0; i < Integer.getInteger("test.dialogs", 30); i++) {
                String callId = UUID.randomUUID().toString();
                write(socket, request("INVITE", "sip:pchat@example.com", callId, 1, null, socket.getLocalPort(), null));
                String ok = finalResponse(socket, callId, "1 INVITE");
                assertThat(ok).as("INVITE " + i).startsWith("SIP/2.0 200");
                String toTag = header(ok, "To").replaceAll(".*;tag=", "");
                String contact = header(ok, "Contact").replaceAll(".*<", "").replaceAll(">.*", "");
                write(socket, request("ACK", contact, callId, 1, toTag, socket.getLocalPort(), null));
                dialogs.add(new String[] {callId, toTag, contact});
            }
            for (String[] dialog : dialogs) {
                write(socket, request("INFO", dialog[2], dialog[0], 2, dialog[1], socket.getLocalPort(), "echo"));
                String first = TcpDialog.readMessage(socket.getInputStream());
                String second = TcpDialog.readMessage(socket.getInputStream());
                assertThat(List.of(first, second)).as(dialog[0]).allSatisfy(
                        message -> assertThat(header(message, "Call-ID")).isEqualTo(dialog[0]));
                String response = first.startsWith("SIP/2.0") ? first : second;
                assertThat(response).as(dialog[0]).startsWith("SIP/2.0 200");
                assertThat(header(response, "CSeq")).isEqualTo("2 INFO");
                String request = first.startsWith("INFO") ? first : second;
                assertThat(request).as(dialog[0]).startsWith("INFO sip:alice@example.com").endsWith("\r\n\r\nre echo");
                write(socket, "SIP/2.0 200 OK\r\nVia: " + header(request, "Via") + "\r\nFrom: " + header(request, "From")
                        + "\r\nTo: " + header(request, "To") + "\r\nCall-ID: " + header(request, "Call-ID")
                        + "\r\nCSeq: " + header(request, "CSeq") + "\r\nContent-Length: 0\r\n\r\n");
            }
        }
    }

    private static String request(String method, String uri, String callId, int cseq, String toTag, int localPort,
            String body) {
        String content = body == null ? "" : body;
        return method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/tcp 127.0.0.1:" + localPort + "\r\n"
                + "From: <sip:alice@example.com>;tag=" + callId.substring(0, 8) + ";epid=cf0b98dadeb9\r\n"
                + "To: <sip:pchat@example.com>" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "Contact: <sip:alice@example.com:" + localPort + ";maddr=127.0.0.1;transport=tcp>;proxy=replace\r\n"
                + (body == null ? "" : "Content-Type: text/plain\r\n")
                + "Content-Length: " + content.length() + "\r\n\r\n" + content;
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** The final response to the request with this Call-ID and CSeq; a message of any other call fails the test. */
    private static String finalResponse(Socket socket, String callId, String cseq) throws IOException {
        while (true) {
            String message = TcpDialog.readMessage(socket.getInputStream());
            assertThat(message).as("a response to " + cseq + " of " + callId).isNotNull();
            assertThat(header(message, "Call-ID")).as("Call-ID of " + message).isEqualTo(callId);
            assertThat(header(message, "CSeq")).as("CSeq of " + message).isEqualTo(cseq);
            if (!message.startsWith("SIP/2.0 1")) {
                return message;
            }
        }
    }

    private static String header(String message, String name) {
        for (String line : message.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return "0";
    }
}
