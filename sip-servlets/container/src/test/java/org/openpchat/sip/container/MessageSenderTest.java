package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpchat.sip.servlet.SipServlet;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.SipServletResponse;
import org.openpchat.sip.servlet.SipSession;

/**
 * In-dialog INFOs whose answers no servlet reads go straight to the client's connection, without
 * a client transaction; a servlet that reads answers still gets them; a connection that has closed
 * is not dialled again: what was for it is dropped and its dialogs end, and a later connection
 * from its port gets its own answers.
 */
class MessageSenderTest {

    private InProcessContainer container;
    /** The dialog whose client sent "remember", to be written to later. */
    private final AtomicReference<SipSession> remembered = new AtomicReference<>();
    private final List<Integer> answersRead = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        container = InProcessContainer.onFreePort();
        container.deploy("chat", "pchat", new SipServlet() {
            @Override
            protected void doInvite(SipServletRequest request) {
                request.createResponse(200).send();
            }

            @Override
            protected void doInfo(SipServletRequest request) {
                request.createResponse(200).send();
                String[] command = request.getContent().split(" ");
                switch (command[0]) {
                    case "remember" -> remembered.set(request.getSession());
                    case "poke" -> send(remembered.get(), "poked");
                    case "mixed" -> {
                        send(request.getSession(), "plain");
                        SipServletRequest headed = request.getSession().createRequest("INFO");
                        headed.setContent("headed", "text/plain");
                        headed.setHeader("Subject", "built");
                        headed.send();
                        SipServletRequest other = request.getSession().createRequest("INFO");
                        other.setContent("{}", "application/json");
                        other.send();
                        send(request.getSession(), "plain again");
                    }
                    default -> {
                        for (int i = 0; i < Integer.parseInt(command[1]); i++) {
                            send(request.getSession(), "line " + i);
                        }
                    }
                }
            }
        });
        container.deploy("reader", "reader", new SipServlet() {
            @Override
            protected void doInvite(SipServletRequest request) {
                request.createResponse(200).send();
            }

            @Override
            protected void doInfo(SipServletRequest request) {
                request.createResponse(200).send();
                send(request.getSession(), "tell me");
            }

            @Override
            protected void doSuccessResponse(SipServletResponse response) {
                answersRead.add(response.getStatus());
            }
        });
    }

    private static void send(SipSession session, String body) {
        if (session.isValid()) {
            SipServletRequest info = session.createRequest("INFO");
            info.setContent(body, "text/plain");
            info.send();
        }
    }

    @AfterEach
    void stop() {
        container.close();
    }

    @Test
    void infosWhoseAnswersNoServletReadsLeaveNoTransactionBehind() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", container.port())) {
            TcpDialog dialog = TcpDialog.open(socket);
            List<String> received = sendAndReceive(dialog, "send 20", 20);
            assertThat(container.clientTransactions()).as("client transactions while 20 INFOs await answers").isZero();
            Set<String> branches = new HashSet<>();
            for (String info : received) {
                branches.add(branch(info));
                dialog.answer(info);
            }
            assertThat(received).extracting(MessageSenderTest::body)
                    .containsExactly(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "line " + i)
                            .toArray(String[]::new));
            assertThat(branches).as("a branch of its own per INFO").hasSize(20)
                    .allMatch(branch -> branch.startsWith("z9hG4bK-unread-"), "each INFO left from its dialog's template");
        }
    }

    @Test
    void aRequestWhoseServletSetMoreThanItsContentCarriesItAndTheDialogsCSeqGoesOn() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", container.port())) {
            TcpDialog dialog = TcpDialog.open(socket);
            List<String> received = sendAndReceive(dialog, "mixed", 4);
            for (String info : received) {
                dialog.answer(info);
            }
            assertThat(received).extracting(MessageSenderTest::body).containsExactly("plain", "headed", "{}", "plain again");
            assertThat(received).extracting(MessageSenderTest::branch).extracting(branch -> branch.startsWith("z9hG4bK-unread-"))
                    .as("from a template, except the one with a header of its own").containsExactly(true, false, true, true);
            assertThat(received.get(1)).contains("\r\nSubject: built\r\n");
            assertThat(received.get(2)).contains("\r\nContent-Type: application/json\r\n");
            assertThat(received.get(3)).contains("\r\nContent-Type: text/plain\r\n").doesNotContain("Subject");
            assertThat(received).extracting(info -> Long.parseLong(info.replaceAll("(?s).*\r\nCSeq: (\\d+) INFO\r\n.*", "$1")))
                    .isSorted().doesNotHaveDuplicates();
        }
    }

    /** Sends an INFO with {@code command}, awaits its 200, and returns the {@code count} requests that follow. */
    private static List<String> sendAndReceive(TcpDialog dialog, String command, int count) throws Exception {
        dialog.send("INFO", command);
        assertThat(dialog.awaitResponse()).startsWith("SIP/2.0 200");
        List<String> received = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            received.add(dialog.nextRequest());
        }
        return received;
    }

    private static String body(String message) {
        return message.substring(message.lastIndexOf("\r\n\r\n") + 4);
    }

    private static String branch(String message) {
        return message.replaceAll("(?s).*;branch=([^;\r]+).*", "$1");
    }

    @Test
    void aServletThatReadsAnswersGetsThem() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", container.port())) {
            TcpDialog dialog = TcpDialog.open(socket, "reader");
            dialog.send("INFO", "ask");
            assertThat(dialog.awaitResponse()).startsWith("SIP/2.0 200");
            dialog.awaitRequest();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (answersRead.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(answersRead).containsExactly(200);
        }
    }

    @Test
    void aClosedConnectionIsNotDialledAgainAndItsDialogsEnd() throws Exception {
        try (Socket gone = new Socket("127.0.0.1", container.port());
                Socket other = new Socket("127.0.0.1", container.port())) {
            TcpDialog leaving = TcpDialog.open(gone);
            leaving.send("INFO", "remember");
            assertThat(leaving.awaitResponse()).startsWith("SIP/2.0 200");
            TcpDialog staying = TcpDialog.open(other);
            gone.close();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (remembered.get().isValid() && System.nanoTime() < deadline) {
                staying.send("INFO", "poke");
                assertThat(staying.awaitResponse()).startsWith("SIP/2.0 200");
                Thread.sleep(100);
            }
            assertThat(remembered.get().isValid()).as("the dialog of the closed connection ended").isFalse();
        }
    }

    // A client whose connection dropped comes back from the same port at once. JAIN-SIP files
    // sockets by address and port, and the old connection's close took the new one's socket out of
    // that table (its answers then went to an outbound connection); ContainerNioHandler removes a
    // closing connection's own entry only.

    @Test
    void aNewConnectionFromTheOldPortIsAnsweredOnItself() throws Exception {
        Socket current = connect(0);
        int port = current.getLocalPort();
        TcpDialog.open(current);
        try {
            for (int round = 0; round < 40; round++) {
                reset(current);
                current = connect(port);
                assertThat(current.getLocalPort()).isEqualTo(port);
                TcpDialog.open(current); // asserts that the 200 comes on this connection
            }
        } finally {
            reset(current);
        }
    }

    @Test
    void cuttingTheOldConnectionLeavesTheNewOneFromItsPortAlone() throws Exception {
        Socket old = connect(0);
        int port = old.getLocalPort();
        TcpDialog leaving = TcpDialog.open(old);
        leaving.send("INFO", "remember");
        assertThat(leaving.awaitResponse()).startsWith("SIP/2.0 200");
        reset(old);

        Socket fresh = connect(port);
        try {
            TcpDialog staying = TcpDialog.open(fresh);
            staying.send("INFO", "poke"); // finds the old connection closed: cut, its dialog ends
            assertThat(staying.awaitResponse()).startsWith("SIP/2.0 200");
            for (int i = 0; i < 3; i++) {
                staying.send("INFO", "send 0");
                assertThat(staying.awaitResponse()).as("answer %d after the old connection was cut", i)
                        .startsWith("SIP/2.0 200");
            }
        } finally {
            reset(fresh);
        }
    }

    /** Closes as a dropped connection ends, leaving the port free for the next one at once. */
    private static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private Socket connect(int localPort) throws IOException {
        Socket socket = new Socket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress("127.0.0.1", localPort));
        socket.connect(new InetSocketAddress("127.0.0.1", container.port()), 5000);
        return socket;
    }
}
