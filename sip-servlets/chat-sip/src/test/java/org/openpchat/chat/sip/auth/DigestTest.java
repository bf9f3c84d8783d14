package org.openpchat.chat.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestTest {

    /** RFC 2617 section 3.5's example (GET /dir/index.html, Mufasa, "Circle Of Life"). */
    private static final String RFC_HEADER = "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", "
            + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", qop=auth, nc=00000001, "
            + "cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\", "
            + "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";

    @Test
    void rfc2617ExampleVerifies() {
        DigestCredentials credentials = DigestCredentials.parse(RFC_HEADER);
        String ha1 = DigestCalculator.md5("Mufasa:testrealm@host.com:Circle Of Life");

        assertThat(credentials.complete()).isTrue();
        assertThat(credentials.username()).isEqualTo("Mufasa");
        assertThat(DigestCalculator.matches(ha1, "GET", credentials)).isTrue();
        assertThat(DigestCalculator.matches(DigestCalculator.md5("Mufasa:testrealm@host.com:wrong"), "GET",
                credentials)).isFalse();
        assertThat(DigestCalculator.matches(ha1, "REGISTER", credentials)).isFalse();
    }

    @Test
    void sipeStyleUriNullIsTakenAsSent() {
        DigestCredentials credentials = DigestCredentials.parse("Digest username=\"alice\", realm=\"example.com\", "
                + "nonce=\"n\", uri=\"(null)\", qop=auth, nc=00000001, cnonce=\"c\", response=\"x\"");

        assertThat(credentials.get("uri")).isEqualTo("(null)");
        assertThat(credentials.get("qop")).isEqualTo("auth");
    }

    @Test
    void otherSchemesAndJunkAreNotCredentials() {
        assertThat(DigestCredentials.parse("NTLM qop=\"auth\"")).isNull();
        assertThat(DigestCredentials.parse(null)).isNull();
        assertThat(DigestCredentials.parse("Digest username=\"unterminated")).isNull();
        assertThat(DigestCredentials.parse("Digest realm=\"r\"").complete()).isFalse();
    }
}
