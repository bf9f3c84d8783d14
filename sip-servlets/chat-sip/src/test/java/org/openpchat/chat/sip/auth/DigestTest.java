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

    /**
     * RFC 2069's example (no qop): Mufasa, password "CircleOfLife". The response is the one its
     * errata give for the example, which Python's hashlib reproduces.
     */
    @Test
    void withoutQopTheResponseCoversNonceAndUriOnly() {
        DigestCredentials credentials = DigestCredentials.parse("Digest username=\"Mufasa\", "
                + "realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", "
                + "uri=\"/dir/index.html\", response=\"1949323746FE6A43EF61F9606E7FEBEA\"");
        String ha1 = DigestCalculator.md5("Mufasa:testrealm@host.com:CircleOfLife");

        assertThat(DigestCalculator.expectedResponse(ha1, "GET", credentials))
                .isEqualTo("1949323746fe6a43ef61f9606e7febea");
        assertThat(DigestCalculator.matches(ha1, "GET", credentials)).as("response in upper case").isTrue();
    }

    @Test
    void credentialsWithoutAResponseNeverMatch() {
        DigestCredentials credentials = DigestCredentials.parse("Digest username=\"Mufasa\", "
                + "realm=\"testrealm@host.com\", nonce=\"n\", uri=\"/\"");
        String ha1 = DigestCalculator.md5("Mufasa:testrealm@host.com:CircleOfLife");

        assertThat(credentials.complete()).isFalse();
        assertThat(DigestCalculator.matches(ha1, "GET", credentials)).isFalse();
    }

    @Test
    void aTrailingCommaAndAnEmptyLastValueAreRead() {
        assertThat(DigestCredentials.parse("Digest username=\"alice\",").username()).isEqualTo("alice");
        DigestCredentials empty = DigestCredentials.parse("Digest username=alice, realm=");
        assertThat(empty.username()).isEqualTo("alice");
        assertThat(empty.get("realm")).isEmpty();
    }

    @Test
    void aHeaderOfUpTo4096CharactersIsRead() {
        String start = "Digest username=\"";
        String longest = start + "a".repeat(4096 - start.length() - 1) + "\"";

        assertThat(longest).hasSize(4096);
        assertThat(DigestCredentials.parse(longest).username()).hasSize(4096 - start.length() - 1);
        assertThat(DigestCredentials.parse(longest + " ")).isNull();
    }
}
