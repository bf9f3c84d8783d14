package org.openpchat.client.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where and how a {@link SipClient} listens and sends.
 *
 * @param localHost the address the client's listening point binds to and puts in Via and Contact
 *        ({@value #LOOPBACK} by default; a client of a server on another host needs an address that
 *        server can route to)
 * @param transport UDP, TCP or TLS
 * @param proxyHost the outbound proxy every request without a Route header is sent to, whatever its
 *        Request-URI (typically the server's SIP listener, so that Request-URIs can name the SIP
 *        domain); null to send where the Request-URI points. Over TLS the server's certificate must
 *        name it (a host name or an address).
 * @param proxyPort the outbound proxy's port (ignored without {@code proxyHost})
 * @param timeout how long a request waits for its final response
 * @param tls the TLS context of a TLS client: whom it trusts (and its own certificate, if it has
 *        one); null for the JVM's default context
 */
public record SipClientSettings(String localHost, Transport transport, String proxyHost, int proxyPort,
        Duration timeout, SSLContext tls) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public SipClientSettings {
        Objects.requireNonNull(localHost, "localHost");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (proxyHost != null && (proxyPort < 1 || proxyPort > 65_535)) {
            throw new IllegalArgumentException("outbound proxy port out of range: " + proxyPort);
        }
    }

    /** Loopback, no outbound proxy, 5 s timeout. */
    public static SipClientSettings of(Transport transport) {
        return new SipClientSettings(LOOPBACK, transport, null, 0, DEFAULT_TIMEOUT, null);
    }

    public SipClientSettings withLocalHost(String host) {
        return new SipClientSettings(host, transport, proxyHost, proxyPort, timeout, tls);
    }

    public SipClientSettings withOutboundProxy(String host, int port) {
        return new SipClientSettings(localHost, transport, host, port, timeout, tls);
    }

    public SipClientSettings withTimeout(Duration t) {
        return new SipClientSettings(localHost, transport, proxyHost, proxyPort, t, tls);
    }

    public SipClientSettings withTransport(Transport t) {
        return new SipClientSettings(localHost, t, proxyHost, proxyPort, timeout, tls);
    }

    public SipClientSettings withTls(SSLContext context) {
        return new SipClientSettings(localHost, transport, proxyHost, proxyPort, timeout, context);
    }

    /** TLS trusting exactly the certificates of a PEM file (a CA's, e.g. the server's demo CA). */
    public SipClientSettings withTrustedCertificates(Path pemFile) {
        return withTls(trusting(pemFile));
    }

    public boolean hasOutboundProxy() {
        return proxyHost != null;
    }

    /** A TLS context that trusts the certificates of a PEM file and nothing else. */
    public static SSLContext trusting(Path pemFile) {
        try (InputStream in = Files.newInputStream(pemFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + pemFile);
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates) {
                trusted.setCertificateEntry("trusted-" + n++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pemFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not PEM certificates: " + pemFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SipClientSettings[" + transport + " on " + localHost + (hasOutboundProxy() ? ", outbound proxy "
                + proxyHost + ":" + proxyPort : "") + ", timeout " + timeout
                + (tls == null ? "" : ", own TLS context") + "]";
    }
}
