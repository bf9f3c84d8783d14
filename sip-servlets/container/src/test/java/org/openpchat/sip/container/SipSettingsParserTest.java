package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SipSettingsParserTest {

    private final Map<String, String> settings = new HashMap<>(Map.of("host", "127.0.0.1", "port", "5060",
            "tlsPort", "5061", "transports", "udp,tcp,tls", "maxMessageSize", "262144", "stackThreads", "8",
            "tlsKeyStore", "/srv/sip/keystore.p12", "tlsKeyStorePassword", "secret"));

    private SipSettings parse() {
        return SipSettingsParser.parse(settings::get);
    }

    @Test
    void onLoopbackEveryTransportListensTlsOnItsOwnPort() {
        SipSettings s = parse();
        assertThat(s.transports()).containsExactly("udp", "tcp", "tls");
        assertThat(s.portOf("udp")).isEqualTo(5060);
        assertThat(s.portOf("TLS")).isEqualTo(5061);
        assertThat(s.listening()).isEqualTo("udp 5060, tcp 5060, tls 5061");
        assertThat(s.tls().keyStore()).isEqualTo(Path.of("/srv/sip/keystore.p12"));
        assertThat(s.tls().keyStoreType()).isEqualTo("PKCS12");
        assertThat(s.tls().trustStore()).as("the JVM's").isNull();
        assertThat(s.tls().trustStorePassword()).isEqualTo("secret".toCharArray());
        assertThat(s.tls().clientCertificates()).isEqualTo(SipTls.ClientCertificates.NONE);
        assertThat(s.tls().protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(s.tls().cipherSuites()).isEqualTo(SipTls.DEFAULT_CIPHER_SUITES)
                .allMatch(suite -> suite.startsWith("TLS_AES") || suite.startsWith("TLS_CHACHA")
                        || suite.startsWith("TLS_ECDHE_"));
        assertThat(s.tls().toString()).doesNotContain("secret");
    }

    @Test
    void onANetworkAddressOnlyTlsListensUnlessPlainIsAllowed() {
        settings.put("host", "192.0.2.10");
        assertThat(parse().transports()).containsExactly("tls");

        settings.put("plainTransportsOnNetwork", "true");
        assertThat(parse().transports()).containsExactly("udp", "tcp", "tls");
    }

    @Test
    void aNetworkAddressWithOnlyPlainTransportsListensNowhereAndSaysSo() {
        settings.put("host", "192.0.2.10");
        settings.put("transports", "udp,tcp");
        assertThatThrownBy(this::parse).hasMessageContaining("no transport left to listen on 192.0.2.10");
    }

    @Test
    void withoutTlsNoKeyStoreIsNeeded() {
        settings.put("transports", "TCP, udp");
        settings.remove("tlsKeyStore");
        SipSettings s = parse();
        assertThat(s.transports()).containsExactly("tcp", "udp");
        assertThat(s.tls()).isNull();
    }

    @Test
    void clientCertificatesProtocolsAndSuitesAreConfigurable() {
        settings.put("tlsClientCertificates", "Require");
        settings.put("tlsProtocols", "TLSv1.3");
        settings.put("tlsCipherSuites", "TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384");
        settings.put("tlsTrustStore", "/srv/sip/trust.p12");
        settings.put("tlsTrustStorePassword", "other");
        SipTls tls = parse().tls();
        assertThat(tls.clientCertificates()).isEqualTo(SipTls.ClientCertificates.REQUIRE);
        assertThat(tls.protocols()).containsExactly("TLSv1.3");
        assertThat(tls.cipherSuites()).containsExactly("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384");
        assertThat(tls.trustStore()).isEqualTo(Path.of("/srv/sip/trust.p12"));
        assertThat(tls.trustStorePassword()).isEqualTo("other".toCharArray());
    }

    @Test
    void settingsThatMakeNoSenseAreRefusedByName() {
        assertRefused("tlsProtocols", "TLSv1.2,TLSv1.1", "nothing older");
        assertRefused("tlsProtocols", "TLSv1", "nothing older");
        assertRefused("tlsClientCertificates", "sometimes", "none, want or require");
        assertRefused("transports", "udp,sctp", "udp, tcp and tls");
        assertRefused("tlsKeyStore", "", "tlsKeyStore");
        assertRefused("tlsPort", "5060", "tlsPort must differ from port");
        assertRefused("port", "70000", "port must be a port");
        assertRefused("stackThreads", "0", "stackThreads must be positive");
        assertRefused("maxMessageSize", "big", "maxMessageSize must be a number");
    }

    private void assertRefused(String name, String value, String message) {
        String before = settings.put(name, value);
        try {
            assertThatThrownBy(this::parse).as(name + "=" + value).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(message);
        } finally {
            settings.put(name, before);
        }
    }
}
