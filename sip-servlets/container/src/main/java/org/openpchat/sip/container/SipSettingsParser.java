package org.openpchat.sip.container;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Turns the resource adapter's settings (strings by name, as configured) into {@link SipSettings}.
 * Plain transports (udp, tcp) listen on a loopback address only, unless
 * {@code plainTransportsOnNetwork} is true: a server opened to the network speaks TLS. Every
 * setting that makes no sense fails with a message naming it.
 */
final class SipSettingsParser {

    private static final Logger LOG = Logger.getLogger(SipSettingsParser.class.getName());
    private static final Set<String> TRANSPORTS = Set.of("udp", "tcp", SipSettings.TLS);
    private static final Set<String> PLAIN = Set.of("udp", "tcp");
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    private final UnaryOperator<String> settings;

    /** @param settings a setting's value by name, "" when not set */
    private SipSettingsParser(UnaryOperator<String> settings) {
        this.settings = settings;
    }

    static SipSettings parse(UnaryOperator<String> settings) {
        return new SipSettingsParser(settings).parse();
    }

    private SipSettings parse() {
        String host = required("host");
        int port = port("port");
        int tlsPort = port("tlsPort");
        List<String> transports = transports(host);
        if (transports.contains(SipSettings.TLS) && transports.contains("tcp") && port == tlsPort) {
            throw new IllegalArgumentException("tlsPort must differ from port (both are TCP): " + port);
        }
        SipTls tls = transports.contains(SipSettings.TLS) ? tls() : null;
        return new SipSettings(host, port, tlsPort, transports, positive("maxMessageSize"),
                positive("stackThreads"), tls);
    }

    private List<String> transports(String host) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String t : value("transports").split(",")) {
            String transport = t.strip().toLowerCase(Locale.ROOT);
            if (!transport.isEmpty()) {
                if (!TRANSPORTS.contains(transport)) {
                    throw new IllegalArgumentException("transports may hold udp, tcp and tls: " + transport);
                }
                wanted.add(transport);
            }
        }
        List<String> plain = wanted.stream().filter(PLAIN::contains).toList();
        if (!plain.isEmpty() && !isLoopback(host) && !Boolean.parseBoolean(value("plainTransportsOnNetwork"))) {
            wanted.removeAll(plain);
            LOG.info("SIP over " + plain + " is off: " + host + " is not a loopback address and only TLS is spoken "
                    + "on the network (the resource adapter setting plainTransportsOnNetwork=true allows them)");
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("no transport left to listen on " + host + " (transports: "
                    + value("transports") + ")");
        }
        return new ArrayList<>(wanted);
    }

    private SipTls tls() {
        String keyStore = value("tlsKeyStore");
        if (keyStore.isEmpty()) {
            throw new IllegalArgumentException("transports holds tls but tlsKeyStore names no key store (set "
                    + "tlsKeyStore and tlsKeyStorePassword, or leave tls out of transports)");
        }
        String keyStoreType = value("tlsKeyStoreType").isEmpty() ? "PKCS12" : value("tlsKeyStoreType");
        char[] keyStorePassword = value("tlsKeyStorePassword").toCharArray();
        String trustStore = value("tlsTrustStore");
        String trustStoreType = value("tlsTrustStoreType").isEmpty() ? keyStoreType : value("tlsTrustStoreType");
        char[] trustStorePassword = value("tlsTrustStorePassword").isEmpty() ? keyStorePassword
                : value("tlsTrustStorePassword").toCharArray();
        return new SipTls(Path.of(keyStore), keyStoreType, keyStorePassword,
                trustStore.isEmpty() ? null : Path.of(trustStore), trustStoreType, trustStorePassword,
                SipTls.ClientCertificates.of(value("tlsClientCertificates").isEmpty() ? "none"
                        : value("tlsClientCertificates")),
                list("tlsProtocols", SipTls.DEFAULT_PROTOCOLS), list("tlsCipherSuites", SipTls.DEFAULT_CIPHER_SUITES),
                HANDSHAKE_TIMEOUT_MILLIS);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("host is not a known address: " + host, e);
        }
    }

    private List<String> list(String name, List<String> otherwise) {
        List<String> items = Arrays.stream(value(name).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        return items.isEmpty() ? otherwise : items;
    }

    private String value(String name) {
        String v = settings.apply(name);
        return v == null ? "" : v.strip();
    }

    private String required(String name) {
        String v = value(name);
        if (v.isEmpty()) {
            throw new IllegalArgumentException(name + " must be set");
        }
        return v;
    }

    private int port(String name) {
        int port = number(name);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be a port from 1 to 65535: " + port);
        }
        return port;
    }

    private int positive(String name) {
        int n = number(name);
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + n);
        }
        return n;
    }

    private int number(String name) {
        try {
            return Integer.parseInt(required(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number: " + value(name), e);
        }
    }
}
