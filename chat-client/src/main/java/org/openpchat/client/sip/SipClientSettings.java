package org.openpchat.client.sip;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how a {@link SipClient} listens and sends.
 *
 * @param localHost the address the client's listening point binds to and puts in Via and Contact
 *        ({@value #LOOPBACK} by default; a client of a server on another host needs an address that
 *        server can route to)
 * @param transport UDP or TCP
 * @param proxyHost the outbound proxy every request without a Route header is sent to, whatever its
 *        Request-URI (typically the server's SIP listener, so that Request-URIs can name the SIP
 *        domain); null to send where the Request-URI points
 * @param proxyPort the outbound proxy's port (ignored without {@code proxyHost})
 * @param timeout how long a request waits for its final response
 * @param keyStorePassword the password of the key store the JVM names in {@code javax.net.ssl.keyStore},
 *        when the JVM does not give it in {@code javax.net.ssl.keyStorePassword}: JAIN-SIP opens that
 *        store whenever it is named, even without TLS (GlassFish names its store and not its
 *        password); null otherwise
 */
public record SipClientSettings(String localHost, Transport transport, String proxyHost, int proxyPort,
        Duration timeout, String keyStorePassword) {

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
        return new SipClientSettings(host, transport, proxyHost, proxyPort, timeout, keyStorePassword);
    }

    public SipClientSettings withOutboundProxy(String host, int port) {
        return new SipClientSettings(localHost, transport, host, port, timeout, keyStorePassword);
    }

    public SipClientSettings withTimeout(Duration t) {
        return new SipClientSettings(localHost, transport, proxyHost, proxyPort, t, keyStorePassword);
    }

    public SipClientSettings withKeyStorePassword(String password) {
        return new SipClientSettings(localHost, transport, proxyHost, proxyPort, timeout, password);
    }

    public boolean hasOutboundProxy() {
        return proxyHost != null;
    }

    @Override
    public String toString() {
        return "SipClientSettings[" + transport + " on " + localHost + (hasOutboundProxy() ? ", outbound proxy "
                + proxyHost + ":" + proxyPort : "") + ", timeout " + timeout
                + (keyStorePassword == null ? "" : ", key store password set") + "]";
    }
}
