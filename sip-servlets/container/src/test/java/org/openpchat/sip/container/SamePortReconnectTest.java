package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpchat.sip.servlet.SipServlet;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.SipSession;

/**
 * A client whose connection dropped comes back from the same port at once, before the server's
 * reader of the old connection has seen the reset. JAIN-SIP files sockets by the peer's address
 * and port, and the old connection's close took the new connection's socket out of that table:
 * the answer then went to a new outbound connection the client never accepts, and was lost.
 */
class SamePortReconnectTest {

    private InProcessContainer container;
    /** The dialog whose client sent "remember", to be written to later. */
    private final AtomicReference<SipSession> remembered = new AtomicReference<>();

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
                if (request.getContent().equals("remember")) {
                    remembered.set(request.getSession());
                } else if (request.getContent().equals("poke") && remembered.get().isValid()) {
                    SipServletRequest info = remembered.get().createRequest("INFO");
                    info.setContent("poked", "text/plain");
                    info.send();
                }
            }
        });
    }

    @AfterEach
    void stop() {
        container.close();
    }

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
                staying.send("INFO", "hello");
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
