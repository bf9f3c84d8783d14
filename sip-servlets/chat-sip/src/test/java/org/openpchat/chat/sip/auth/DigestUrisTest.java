package org.openpchat.chat.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestUrisTest {

    @Test
    void theUriMustBeTheRequestUri() {
        assertThat(DigestUris.names("sip:example.com", "sip:example.com")).isTrue();
        assertThat(DigestUris.names("SIP:Example.COM", "sip:example.com")).isTrue();
        assertThat(DigestUris.names("sip:other.example", "sip:example.com")).isFalse();
        assertThat(DigestUris.names("sip:example.com;transport=udp", "sip:example.com")).isFalse();
        assertThat(DigestUris.names(null, "sip:example.com")).isFalse();
    }

    @Test
    void sipesUnsetUriIsAccepted() {
        assertThat(DigestUris.names("(null)", "sip:example.com")).isTrue();
        assertThat(DigestUris.names("(NULL)", "sip:example.com")).isFalse();
    }
}
