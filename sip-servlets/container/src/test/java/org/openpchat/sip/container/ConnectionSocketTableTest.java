package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import javax.sip.SipFactory;
import javax.sip.SipStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JAIN-SIP's socket table as the container installs it, on real sockets: answers go to the
 * connection filed for their peer, and where none is (it has closed) they fail at once instead
 * of dialling the peer's port; requests still connect.
 */
class ConnectionSocketTableTest {

    private static final byte[] ANSWER = "SIP/2.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final InetAddress loopback = InetAddress.getLoopbackAddress();
    private SipStack stack;
    private ConnectionSocketTable table;

    @BeforeEach
    void createStack() throws Exception {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "socket-table-test");
        stack = factory.createSipStack(properties);
        table = new ConnectionSocketTable((SIPTransactionStack) stack);
    }

    @AfterEach
    void stopStack() {
        table.closeAll();
        stack.stop();
    }

    @Test
    void anAnswerWhoseConnectionHasClosedFailsWithoutDiallingThePeer() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 1, loopback)) { // would accept, were it dialled
            peer.setSoTimeout(500);
            for (String transport : new String[] {"TCP", "TLS"}) {
                assertThatThrownBy(() -> table.sendBytes(loopback, loopback, peer.getLocalPort(), transport, ANSWER,
                        false, null)).isInstanceOf(IOException.class).hasMessageContaining("has closed");
            }
            assertThatThrownBy(peer::accept).as("a connection to the peer's port")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void anAnswerGoesToTheConnectionFiledForItsPeer() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, loopback);
                Socket client = new Socket(loopback, listener.getLocalPort());
                Socket accepted = listener.accept()) {
            table.putSocket(loopback.getHostAddress() + ":" + accepted.getPort(), accepted); // JAIN-SIP's key

            Socket used = table.sendBytes(loopback, loopback, accepted.getPort(), "TCP", ANSWER, false, null);

            assertThat(used).isSameAs(accepted);
            assertThat(readFrom(client)).isEqualTo(new String(ANSWER, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aRequestStillConnectsWhereNoConnectionIsFiled() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 1, loopback)) {
            peer.setSoTimeout(5_000);
            Socket used = table.sendBytes(loopback, loopback, peer.getLocalPort(), "TCP", ANSWER, true, null);
            try (Socket accepted = peer.accept()) {
                assertThat(used.getPort()).isEqualTo(peer.getLocalPort());
                assertThat(readFrom(accepted)).isEqualTo(new String(ANSWER, StandardCharsets.US_ASCII));
            }
        }
    }

    private static String readFrom(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        InputStream in = socket.getInputStream();
        return new String(in.readNBytes(ANSWER.length), StandardCharsets.US_ASCII);
    }
}
