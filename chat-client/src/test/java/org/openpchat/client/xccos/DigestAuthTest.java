package org.openpchat.client.xccos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 2617 Digest as the XCCOS client computes it. */
class DigestAuthTest {

    @Test
    void rfc2617KnownVector() {
        // RFC 2617 section 3.5
        assertThat(DigestAuth.response("Mufasa", "testrealm@host.com", "Circle Of Life", "GET", "/dir/index.html",
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth"))
                .isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    @Test
    void withoutQopIsTheRfc2069Form() {
        String ha1 = DigestAuth.md5Hex("Mufasa:testrealm@host.com:Circle Of Life");
        String ha2 = DigestAuth.md5Hex("GET:/dir/index.html");
        assertThat(DigestAuth.response("Mufasa", "testrealm@host.com", "Circle Of Life", "GET", "/dir/index.html",
                "n1", null, null, null)).isEqualTo(DigestAuth.md5Hex(ha1 + ":n1:" + ha2));
    }

    @Test
    void md5OfEmptyString() {
        assertThat(DigestAuth.md5Hex("")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    }

    @Test
    void parsesTheServersChallenge() {
        Map<String, String> c = DigestAuth.parseChallenge(
                "Digest realm=\"example.com\", nonce=\"a,b\\\"c\", qop=\"auth\", algorithm=MD5, stale=true");
        assertThat(c).containsEntry("scheme", "Digest").containsEntry("realm", "example.com")
                .containsEntry("nonce", "a,b\"c").containsEntry("qop", "auth").containsEntry("algorithm", "MD5")
                .containsEntry("stale", "true");
    }

    @Test
    void authorizationAnswersWithQopAuthLikeSipe() {
        Map<String, String> c = DigestAuth.parseChallenge(
                "Digest realm=\"example.com\", nonce=\"abc123\", qop=\"auth\", algorithm=MD5, opaque=\"op\"");
        String h = DigestAuth.authorization(c, "alice", "Passw0rd!", "REGISTER", "(null)", "cafe");
        Map<String, String> parsed = DigestAuth.parseChallenge(h);
        assertThat(parsed).containsEntry("username", "alice").containsEntry("realm", "example.com")
                .containsEntry("nonce", "abc123").containsEntry("uri", "(null)").containsEntry("qop", "auth")
                .containsEntry("nc", "00000001").containsEntry("cnonce", "cafe").containsEntry("opaque", "op")
                .containsEntry("response", DigestAuth.response("alice", "example.com", "Passw0rd!", "REGISTER",
                        "(null)", "abc123", "00000001", "cafe", "auth"));
    }

    @Test
    void authorizationWithoutQopWhenNotOffered() {
        Map<String, String> c = DigestAuth.parseChallenge("Digest realm=\"r\", nonce=\"n\"");
        String h = DigestAuth.authorization(c, "bob", "pw", "INVITE", "sip:pchat@example.com", "x");
        assertThat(h).doesNotContain("qop").doesNotContain("cnonce");
        assertThat(DigestAuth.parseChallenge(h).get("response"))
                .isEqualTo(DigestAuth.response("bob", "r", "pw", "INVITE", "sip:pchat@example.com", "n", null, null,
                        null));
    }
}
