package org.openpchat.sip.container;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A test CA with a server certificate (localhost, 127.0.0.1) and a client certificate it signed,
 * made with the JDK's keytool in a directory: PKCS12 stores, all with {@link #PASSWORD}.
 */
final class TestCertificates {

    static final String PASSWORD = "test-store-password";

    final Path dir;
    final Path serverKeyStore;
    /** The CA's own store: its key entry's certificate is what it trusts. */
    final Path trustStore;
    final Path clientKeyStore;

    private TestCertificates(Path dir) {
        this.dir = dir;
        this.serverKeyStore = dir.resolve("server.p12");
        this.trustStore = dir.resolve("ca.p12");
        this.clientKeyStore = dir.resolve("client.p12");
    }

    static TestCertificates create(Path dir) throws Exception {
        TestCertificates c = new TestCertificates(dir);
        Path caPem = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "ca", "-keystore", c.trustStore, "-dname", "CN=Test SIP CA", "-ext", "bc:c",
                "-ext", "KU=keyCertSign,cRLSign", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", c.trustStore, "-file", caPem);
        // the two chains side by side: keytool is a JVM start each time
        CompletableFuture<Void> client = CompletableFuture.runAsync(() -> c.signed(caPem, c.clientKeyStore,
                "CN=peer.example.com", "SAN=dns:peer.example.com", "clientAuth"));
        c.signed(caPem, c.serverKeyStore, "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1", "serverAuth");
        client.get();
        return c;
    }

    /**
     * A key pair in {@code store} with a certificate the CA signed and the chain up to the CA. The
     * trust store is the CA's own store: its key entry's certificate is what it trusts.
     */
    private void signed(Path caPem, Path store, String subject, String names, String usage) {
        Path request = dir.resolve(store.getFileName() + ".csr");
        Path chain = dir.resolve(store.getFileName() + ".pem");
        try {
            keytool("-genkeypair", "-alias", "key", "-keystore", store, "-dname", subject, "-keyalg", "EC",
                    "-groupname", "secp256r1", "-validity", "2");
            keytool("-certreq", "-alias", "key", "-keystore", store, "-file", request);
            keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", trustStore, "-infile", request, "-outfile", chain,
                    "-ext", names, "-ext", "KU=digitalSignature", "-ext", "EKU=" + usage, "-validity", "2");
            Files.write(chain, Files.readAllBytes(caPem), StandardOpenOption.APPEND);
            keytool("-importcert", "-noprompt", "-alias", "key", "-keystore", store, "-file", chain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client context trusting the test CA, with the client certificate or without. */
    SSLContext clientContext(boolean withCertificate) throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trustStore));
        KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
        keys.init(withCertificate ? load(clientKeyStore) : null, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    /** keytool with the store type and password of every store here. */
    private static void keytool(Object... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-storetype", "PKCS12", "-storepass", PASSWORD));
        for (Object arg : args) {
            command.add(arg.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
