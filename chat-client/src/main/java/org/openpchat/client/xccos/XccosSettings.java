package org.openpchat.client.xccos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.openpchat.client.sip.SipClientSettings;
import org.openpchat.client.sip.Transport;

/**
 * The server an {@link XccosClient} talks to and how.
 *
 * @param domain the SIP domain of the users and of the chat pool ({@code example.com}): users
 *        without a domain get it, REGISTER goes to {@code sip:<domain>}
 * @param sip the SIP client's settings; its outbound proxy is the server's SIP listener, where every
 *        request goes whatever its Request-URI names
 */
public record XccosSettings(String domain, SipClientSettings sip) {

    /** How long a request or an awaited reply may take by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public XccosSettings {
        if (domain == null || domain.isBlank() || !domain.matches("[A-Za-z0-9.\\-]+")) {
            throw new IllegalArgumentException("not a SIP domain: " + domain);
        }
        Objects.requireNonNull(sip, "sip");
        if (!sip.hasOutboundProxy()) {
            throw new IllegalArgumentException("the server's address (the SIP client's outbound proxy) is missing");
        }
    }

    /** TCP from loopback to the server at {@code serverHost:serverPort}, 10 s timeout. */
    public static XccosSettings of(String domain, String serverHost, int serverPort) {
        return new XccosSettings(domain, SipClientSettings.of(Transport.TCP).withOutboundProxy(serverHost, serverPort)
                .withTimeout(DEFAULT_TIMEOUT));
    }

    public XccosSettings withTransport(Transport transport) {
        return new XccosSettings(domain, sip.withTransport(transport));
    }

    /** TLS trusting the certificates of a PEM file (the server's CA). */
    public XccosSettings withTls(Path trustedCertificates) {
        return new XccosSettings(domain, sip.withTransport(Transport.TLS).withTrustedCertificates(trustedCertificates));
    }

    public XccosSettings withTimeout(Duration timeout) {
        return new XccosSettings(domain, sip.withTimeout(timeout));
    }

    public XccosSettings withLocalHost(String host) {
        return new XccosSettings(domain, sip.withLocalHost(host));
    }

    /** {@code sip:pchat@<domain>}: the chat pool's URI when provisioning names none. */
    public String defaultPoolUri() {
        return "sip:pchat@" + domain;
    }

    /** The server's SIP address as {@code host:port}. */
    public String server() {
        return sip.proxyHost() + ":" + sip.proxyPort();
    }
}
