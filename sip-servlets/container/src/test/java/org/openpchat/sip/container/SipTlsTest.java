package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.spi.ResourceAdapterInternalException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpchat.sip.servlet.SipServlet;
import org.openpchat.sip.servlet.SipServletRequest;

/**
 * SIP over TLS in the container: TLS 1.2 and 1.3 only, a plain client on the TLS port learns
 * nothing, client certificates none, wanted or required, and the settings that refuse to start.
 */
class SipTlsTest {

    @TempDir
    static Path dir;
    private static TestCertificates certificates;

    private final List<String> transports = new CopyOnWriteArrayList<>();
    private InProcessContainer container;

    @BeforeAll
    static void certificates() throws Exception {
        certificates = TestCertificates.create(dir);
    }

    @AfterEach
    void stop() {
        if (container != null) {
            container.close();
        }
    }

    @Test
    void optionsOverTls13AndTls12AreAnsweredAndSeenAsTls() throws Exception {
        start(adapter -> { });
        for (String protocol : List.of("TLSv1.3", "TLSv1.2")) {
            try (SSLSocket socket = tls(certificates.clientContext(false), protocol)) {
                assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
                assertThat(options(socket)).as(protocol).startsWith("SIP/2.0 200");
            }
        }
        assertThat(transports).containsExactly("TLS", "TLS");
    }

    @Test
    void tls10And11HandshakesAreRefusedWithAnAlert() throws Exception {
        start(adapter -> { });
        for (int minor : new int[] {1, 2}) {
            try (Socket socket = new Socket("127.0.0.1", container.tlsPort())) {
                socket.setSoTimeout(5000);
                socket.getOutputStream().write(clientHello(minor));
                byte[] answer = readAll(socket.getInputStream());
                assertThat(answer).as("TLS 1." + (minor - 1) + ": an alert record, never a ServerHello")
                        .isNotEmpty().startsWith(0x15);
                assertThat(answer[answer.length - 1]).as("alert protocol_version").isEqualTo((byte) 70);
            }
        }
    }

    @Test
    void aPlainSipClientOnTheTlsPortGetsNoSipAnswerAndIsDisconnected() throws Exception {
        start(adapter -> { });
        try (Socket socket = new Socket("127.0.0.1", container.tlsPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(optionsRequest("TCP", socket.getLocalPort()).getBytes(StandardCharsets.UTF_8));
            String answer = new String(readAll(socket.getInputStream()), StandardCharsets.ISO_8859_1);
            assertThat(answer).doesNotContain("SIP/2.0");
        }
        assertThat(transports).isEmpty();
    }

    @Test
    void requiredClientCertificatesRefuseAClientWithoutOne() throws Exception {
        start(adapter -> adapter.setTlsClientCertificates("require"));
        try (SSLSocket socket = tls(certificates.clientContext(true), "TLSv1.3")) {
            assertThat(options(socket)).startsWith("SIP/2.0 200");
        }
        assertThatThrownBy(() -> {
            try (SSLSocket socket = tls(certificates.clientContext(false), "TLSv1.3")) {
                options(socket);
            }
        }).isInstanceOfAny(SSLException.class, IOException.class);
        assertThat(transports).containsExactly("TLS");
    }

    @Test
    void wantedClientCertificatesAdmitAClientWithoutOne() throws Exception {
        start(adapter -> adapter.setTlsClientCertificates("want"));
        try (SSLSocket socket = tls(certificates.clientContext(false), "TLSv1.2")) {
            assertThat(options(socket)).startsWith("SIP/2.0 200");
        }
    }

    @Test
    void tlsWithoutAKeyStoreOrWithAWrongPasswordDoesNotStart() {
        // both fail before any socket is bound
        assertThatThrownBy(() -> new InProcessContainer(5, 6, adapter -> adapter.setTransports("tcp,tls")))
                .isInstanceOf(ResourceAdapterInternalException.class).hasMessageContaining("tlsKeyStore");
        assertThatThrownBy(() -> new InProcessContainer(5, 6, adapter -> {
            adapter.setTransports("tcp,tls");
            adapter.setTlsKeyStore(certificates.serverKeyStore.toString());
            adapter.setTlsKeyStorePassword("not-" + TestCertificates.PASSWORD);
        })).isInstanceOf(ResourceAdapterInternalException.class).hasMessageContaining("wrong password");
    }

    // ---- steps ----

    private void start(Consumer<SipResourceAdapter> more) throws Exception {
        container = InProcessContainer.onFreePorts(adapter -> {
            adapter.setTransports("udp,tcp,tls");
            adapter.setTlsKeyStore(certificates.serverKeyStore.toString());
            adapter.setTlsKeyStorePassword(TestCertificates.PASSWORD);
            adapter.setTlsTrustStore(certificates.trustStore.toString());
            more.accept(adapter);
        });
        container.deploy("options", "", new SipServlet() {
            @Override
            protected void doOptions(SipServletRequest request) {
                transports.add(request.getTransport());
                request.createResponse(200).send();
            }
        });
    }

    private SSLSocket tls(SSLContext context, String protocol) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", container.tlsPort());
        socket.setSoTimeout(5000);
        socket.setEnabledProtocols(new String[] {protocol});
        var parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    /** Sends an OPTIONS and returns the status line of its answer. */
    private static String options(Socket socket) throws IOException {
        socket.getOutputStream().write(optionsRequest("TLS", socket.getLocalPort()).getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        StringBuilder line = new StringBuilder();
        InputStream in = socket.getInputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed after: " + line);
            }
            line.append((char) c);
        }
        return line.toString().strip();
    }

    private static String optionsRequest(String transport, int localPort) {
        String callId = UUID.randomUUID().toString();
        return "OPTIONS sip:ping@localhost SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:" + localPort + ";branch=z9hG4bK" + callId + "\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:tester@localhost>;tag=t1\r\nTo: <sip:ping@localhost>\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
    }

    /** Everything the peer sends until it closes the connection or is quiet for the socket timeout. */
    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what came so far
        }
        return all.toByteArray();
    }

    /**
     * A ClientHello offering at most TLS 1.{@code minor - 1} (1: TLS 1.0, 2: TLS 1.1), written by
     * hand: this JVM refuses to offer those versions itself.
     */
    static byte[] clientHello(int minor) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(3);
        body.write(minor);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        body.writeBytes(random);
        body.write(0); // no session id
        int[] suites = {0xc013, 0xc014, 0xc009, 0xc00a, 0x002f, 0x0035};
        body.write(0);
        body.write(suites.length * 2);
        for (int suite : suites) {
            body.write(suite >> 8);
            body.write(suite & 0xff);
        }
        body.write(1); // compression: null only
        body.write(0);
        byte[] hello = body.toByteArray();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.writeBytes(new byte[] {0x16, 3, 1, (byte) ((hello.length + 4) >> 8), (byte) (hello.length + 4),
            1, 0, (byte) (hello.length >> 8), (byte) hello.length});
        record.writeBytes(hello);
        return record.toByteArray();
    }
}
