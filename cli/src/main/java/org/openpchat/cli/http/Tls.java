package org.openpchat.cli.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.openpchat.cli.CliException;
import org.openpchat.cli.ExitCodes;

/**
 * The TLS context: the JDK's trust store, or exactly the certificates of a PEM file (the server's own
 * certificate, or the CA that issued it). Host names are always verified.
 */
public final class Tls {

    private Tls() {
    }

    public static SSLContext context(Path pemFile) {
        try {
            if (pemFile == null) {
                return SSLContext.getDefault();
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates(pemFile)) {
                trusted.setCertificateEntry("trusted-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new CliException(ExitCodes.LOCAL_ERROR, "cannot set up TLS with " + pemFile + ": " + e.getMessage(),
                    e);
        }
    }

    private static Collection<? extends Certificate> certificates(Path pemFile) throws IOException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pemFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.LOCAL_ERROR, "no such CA file: " + pemFile, e);
        } catch (java.security.cert.CertificateException e) {
            throw new CliException(ExitCodes.LOCAL_ERROR, pemFile + " holds no PEM certificate: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new CliException(ExitCodes.LOCAL_ERROR, pemFile + " holds no PEM certificate");
        }
        return certificates;
    }
}
