package org.openpchat.cli.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Self-signed certificates made once per test JVM with the JDK's keytool: one for the fake API
 * (localhost, 127.0.0.1) and an unrelated one, each as a PKCS12 key store and a PEM file.
 */
public final class TestCertificates {

    private static final char[] STORE_PASSWORD = "test-store".toCharArray();
    private static TestCertificates instance;

    private final Path directory;

    private TestCertificates(Path directory) {
        this.directory = directory;
    }

    public static synchronized TestCertificates get() {
        if (instance == null) {
            try {
                Path directory = Files.createTempDirectory("pchat-cli-tls");
                directory.toFile().deleteOnExit();
                TestCertificates certificates = new TestCertificates(directory);
                certificates.make("server", "CN=localhost", "san=dns:localhost,ip:127.0.0.1");
                certificates.make("other", "CN=localhost", "san=dns:localhost,ip:127.0.0.1");
                instance = certificates;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The PEM of the fake API's certificate. */
    public Path serverPem() {
        return directory.resolve("server.pem");
    }

    /** The PEM of a certificate the fake API does not use. */
    public Path otherPem() {
        return directory.resolve("other.pem");
    }

    public SSLContext serverContext() {
        try (InputStream in = Files.newInputStream(directory.resolve("server.p12"))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, STORE_PASSWORD);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, STORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void make(String name, String dname, String extension) throws IOException {
        Path store = directory.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname,
                "-ext", extension, "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(STORE_PASSWORD));
        keytool("-exportcert", "-rfc", "-alias", name, "-keystore", store.toString(), "-storepass",
                new String(STORE_PASSWORD), "-file", directory.resolve(name + ".pem").toString());
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
