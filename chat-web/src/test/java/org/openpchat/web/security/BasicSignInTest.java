package org.openpchat.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicSignInTest {

    private static String basic(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicCredentialsSplitAtTheFirstColon() {
        assertThat(BasicSignIn.decode(basic("alice@example.com:pa:ss"))).containsExactly(
                "alice@example.com", "pa:ss");
        assertThat(BasicSignIn.decode(basic("élise@example.com:mot de passe")))
                .containsExactly("élise@example.com", "mot de passe");
    }

    @Test
    void malformedCredentialsAreNone() {
        assertThat(BasicSignIn.decode("%%%")).isNull();
        assertThat(BasicSignIn.decode(basic("no colon"))).isNull();
        assertThat(BasicSignIn.decode(basic(":password"))).isNull();
    }

    @Test
    void signInNamesAreSipAddresses() {
        assertThat(SignInNames.normalise("Alice@Example.com")).isEqualTo("sip:alice@example.com");
        assertThat(SignInNames.normalise("sip:alice@example.com")).isEqualTo("sip:alice@example.com");
    }
}
