package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpchat.sip.servlet.SipServlet;
import org.openpchat.sip.servlet.SipServletRequest;

/**
 * The connection limits on real TCP and TLS sockets, lowered with the JVM options an operator
 * would use: 3 connections per address, 5 in all. A connection over a limit is closed by the
 * server as soon as it is accepted; the admitted ones are served throughout. Two client addresses
 * on loopback (127.0.0.1 and 127.0.0.2: Linux routes all of 127/8 to lo).
 */
class ManyConnectionsTest {

    private static final String A = "127.0.0.1";
    private static final String B = "127.0.0.2";

    @TempDir
    static Path dir;
    private static TestCertificates certificates;
    private static SSLContext tlsClient;

    private final List<Socket> opened = new ArrayList<>();
    private InProcessContainer container;

    @BeforeAll
    static void certificates() throws Exception {
        certificates = TestCertificates.create(dir);
        tlsClient = certificates.clientContext(false);
    }

    @BeforeEach
    void start() throws Exception {
        System.setProperty(ConnectionLimits.PER_ADDRESS_PROPERTY, "3");
        System.setProperty(ConnectionLimits.TOTAL_PROPERTY, "5");
        container = InProcessContainer.onFreePorts(adapter -> {
            adapter.setTransports("udp,tcp,tls");
            adapter.setTlsKeyStore(certificates.serverKeyStore.toString());
            adapter.setTlsKeyStorePassword(TestCertificates.PASSWORD);
        });
        container.deploy("options", "", new SipServlet() {
            @Override
            protected void doOptions(SipServletRequest request) {
                request.createResponse(200).send();
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : opened) {
            socket.close();
        }
        if (container != null) {
            container.close();
        }
        System.clearProperty(ConnectionLimits.PER_ADDRESS_PROPERTY);
        System.clearProperty(ConnectionLimits.TOTAL_PROPERTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TCP", "TLS"})
    void aFourthConnectionFromOneAddressIsClosedWhileTheFirstThreeAreServed(String transport) throws Exception {
        List<Socket> three = served(transport, A, 3);

        assertClosedByServer(transport, A);
        for (Socket socket : three) {
            assertThat(options(socket)).as("still served").startsWith("SIP/2.0 200");
        }

        three.get(0).close();
        admittedWithinTenSeconds(transport, A);
        assertClosedByServer(transport, A);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TCP", "TLS"})
    void theTotalCountsEveryAddress(String transport) throws Exception {
        List<Socket> fromA = served(transport, A, 3);
        served(transport, B, 2);

        assertClosedByServer(transport, B);

        fromA.get(0).close();
        admittedWithinTenSeconds(transport, B);
        assertClosedByServer(transport, B);
    }

    @Test
    void tcpAndTlsCountTogether() throws Exception {
        served("TCP", A, 2);
        served("TLS", A, 1);

        assertClosedByServer("TLS", A);
        assertClosedByServer("TCP", A);
    }

    // ---- steps ----

    /** {@code count} connections from {@code local}, each answered. */
    private List<Socket> served(String transport, String local, int count) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket socket = connect(transport, local);
            assertThat(options(socket)).as("%s connection %d from %s", transport, i + 1, local).startsWith("SIP/2.0 200");
            sockets.add(socket);
        }
        return sockets;
    }

    /** The server closes a new connection at once: the handshake or the request fails, and not for want of an answer. */
    private void assertClosedByServer(String transport, String local) {
        assertThatThrownBy(() -> options(connect(transport, local))).as("%s connection from %s", transport, local)
                .isInstanceOf(IOException.class).isNotInstanceOf(SocketTimeoutException.class);
    }

    /**
     * A new connection from {@code local} answered, trying again while the server closes them:
     * the container notices the end of a connection when JAIN-SIP has closed its socket.
     */
    private void admittedWithinTenSeconds(String transport, String local) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                assertThat(options(connect(transport, local))).startsWith("SIP/2.0 200");
                return;
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException closedByServer) {
                if (System.nanoTime() > deadline) {
                    throw closedByServer;
                }
                Thread.sleep(100);
            }
        }
    }

    private Socket connect(String transport, String local) throws IOException {
        Socket socket = "TLS".equals(transport) ? tlsClient.getSocketFactory().createSocket() : new Socket();
        opened.add(socket);
        socket.bind(new InetSocketAddress(local, 0));
        socket.connect(new InetSocketAddress(A, "TLS".equals(transport) ? container.tlsPort() : container.port()), 5000);
        socket.setSoTimeout(5000);
        if (socket instanceof SSLSocket tls) {
            tls.startHandshake();
        }
        return socket;
    }

    /** Sends an OPTIONS and returns the status line of its answer. */
    private static String options(Socket socket) throws IOException {
        String callId = UUID.randomUUID().toString();
        String transport = socket instanceof SSLSocket ? "TLS" : "TCP";
        String request = "OPTIONS sip:ping@localhost SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " " + socket.getLocalAddress().getHostAddress() + ":"
                + socket.getLocalPort() + ";branch=z9hG4bK" + callId + "\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:tester@localhost>;tag=t1\r\nTo: <sip:ping@localhost>\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        String status;
        do {
            status = readMessage(socket.getInputStream());
        } while (status.startsWith("SIP/2.0 1"));
        return status;
    }

    /** Reads one message and returns its first line. */
    private static String readMessage(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || head.lastIndexOf("\r\n\r\n") != head.length() - 4) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed after: " + head);
            }
            head.append((char) c);
        }
        String text = head.toString();
        String length = text.replaceAll("(?is).*\r\n(?:Content-Length|l):\\s*(\\d+).*", "$1");
        in.readNBytes(length.equals(text) ? 0 : Integer.parseInt(length));
        return text.substring(0, text.indexOf("\r\n")).strip();
    }
}
