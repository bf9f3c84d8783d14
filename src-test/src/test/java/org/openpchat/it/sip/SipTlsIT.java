package org.openpchat.it.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.client.sip.SipClientSettings;
import org.openpchat.client.xccos.XccosClient;
import org.openpchat.client.xccos.XccosSettings;
import org.openpchat.it.Fixtures;
import org.openpchat.it.PchatDeployment;
import org.openpchat.it.xccos.Demo;

/**
 * SIP over TLS on 127.0.0.1:5061 of the shipped EAR in a domain set up by configure-domain.sh:
 * the certificate the domain's demo CA signed, TLS 1.2 and 1.3 only, nothing for a plain client
 * on the TLS port, the chat over TLS with the project's own XCCOS client, and the key store's
 * password kept in a GlassFish password alias.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SipTlsIT {

    private static final int TLS_PORT = 5061;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    @Test
    void tls13And12HandshakesProveTheServersNamesWithTheDemoCa() throws Exception {
        SSLContext demoCa = SipClientSettings.trusting(demoCaFile());
        for (String host : List.of("localhost", "127.0.0.1")) {
            for (String protocol : List.of("TLSv1.3", "TLSv1.2")) {
                try (SSLSocket socket = tls(demoCa, host, protocol)) {
                    assertThat(socket.getSession().getProtocol()).as(host + " " + protocol).isEqualTo(protocol);
                    socket.getOutputStream().write(RawSip.options("TLS", socket.getLocalPort(), "")
                            .getBytes(StandardCharsets.UTF_8));
                    assertThat(statusLine(socket.getInputStream())).as("SIP over " + protocol).startsWith("SIP/2.0 ");
                }
            }
        }
    }

    @Test
    void theCertificateIsNotOneThatOthersTrust() {
        assertThatThrownBy(() -> tls(SSLContext.getDefault(), "localhost", "TLSv1.3").close())
                .as("the JDK's CAs do not know the demo CA").isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void tls10And11AreRefusedWithAProtocolVersionAlert() throws Exception {
        for (int minor : new int[] {1, 2}) {
            try (Socket socket = new Socket(RawSip.HOST, TLS_PORT)) {
                socket.setSoTimeout(5000);
                socket.getOutputStream().write(clientHello(minor));
                byte[] answer = readAll(socket.getInputStream());
                assertThat(answer).as("TLS 1." + (minor - 1) + ": an alert record, no ServerHello").isNotEmpty()
                        .startsWith(0x15);
                assertThat(answer[answer.length - 1]).as("protocol_version").isEqualTo((byte) 70);
            }
        }
    }

    @Test
    void aPlainClientOnTheTlsPortGetsNoSipAndIsDisconnected() throws Exception {
        try (Socket socket = new Socket(RawSip.HOST, TLS_PORT)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(RawSip.options("TCP", socket.getLocalPort(), "")
                    .getBytes(StandardCharsets.UTF_8));
            long start = System.nanoTime();
            String answer = new String(readAll(socket.getInputStream()), StandardCharsets.ISO_8859_1);
            assertThat(answer).doesNotContain("SIP/2.0");
            assertThat((System.nanoTime() - start) / 1_000_000).as("closed, not left waiting").isLessThan(4_000);
        }
    }

    /** The project's own client signs alice in over TLS; bob, over plain TCP, gets her post. */
    @Test
    void xccosOverTlsPostsReachAClientOverTcp() {
        XccosSettings overTls = XccosSettings.of(Demo.DOMAIN, "localhost", TLS_PORT).withTls(demoCaFile());
        try (XccosClient alice = XccosClient.connect("alice", overTls); XccosClient bob = Demo.login("bob")) {
            assertThat(alice.sip().transport()).isEqualTo("tls");
            assertThat(alice.register(Demo.PASSWORD).status()).isEqualTo(200);
            alice.invite(Demo.POOL_URI);
            String lobby = alice.roomUri("Lobby");
            assertThat(alice.join(lobby).code()).isEqualTo(200);
            assertThat(bob.join(lobby).code()).isEqualTo(200);

            String text = Fixtures.unique("over TLS");
            assertThat(alice.post(lobby, text).sip().status()).isEqualTo(200);
            assertThat(bob.awaitGrpchat(lobby, text).author()).isEqualTo("sip:alice@example.com");
            assertThat(alice.awaitGrpchat(lobby, text).author()).isEqualTo("sip:alice@example.com");
        }
    }

    @Test
    void theKeyStorePasswordIsAGlassFishAliasAndTheKeysAreTheServersAlone() throws IOException {
        Path config = demoCaFile().getParent();
        String domain = Files.readString(config.resolve("domain.xml"));
        assertThat(domain).contains("<resource-adapter-config")
                .containsPattern("name=\"tlsKeyStorePassword\" value=\"\\$\\{ALIAS=pchat-sip-keystore}\"");
        Path stores = config.resolve("pchat-sip");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stores))).isEqualTo("rwx------");
        for (String store : List.of("keystore.p12", "truststore.p12")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stores.resolve(store))))
                    .as(store).isEqualTo("rw-------");
        }
        try (var left = Files.list(stores)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no CA key and no password file left behind").containsExactlyInAnyOrder("keystore.p12",
                            "truststore.p12");
        }
    }

    // ---- helpers ----

    /** The demo CA of the test domain (configure-domain.sh writes it). */
    static Path demoCaFile() {
        return Path.of(System.getProperty("glassfish.home", "target/gf-h2/glassfish7"), "glassfish", "domains",
                "domain1", "config", "pchat-sip-ca.pem").toAbsolutePath();
    }

    private static SSLSocket tls(SSLContext context, String host, String protocol) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(host, TLS_PORT);
        socket.setSoTimeout(5000);
        socket.setEnabledProtocols(new String[] {protocol});
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        try {
            socket.startHandshake();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed after: " + line);
            }
            line.append((char) c);
        }
        return line.toString().strip();
    }

    /** What the peer sends until it closes or is quiet for the socket timeout. */
    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | SocketException e) {
            // what came so far
        }
        return all.toByteArray();
    }

    /**
     * A ClientHello offering at most TLS 1.0 ({@code minor} 1) or 1.1 (2), written by hand: this
     * JVM refuses to offer those versions itself.
     */
    private static byte[] clientHello(int minor) {
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
