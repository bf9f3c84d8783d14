package org.openpchat.chat.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthenticationModeTest {

    private final String before = System.getProperty(AuthenticationMode.PROPERTY);

    @AfterEach
    void restoreTheProperty() {
        if (before == null) {
            System.clearProperty(AuthenticationMode.PROPERTY);
        } else {
            System.setProperty(AuthenticationMode.PROPERTY, before);
        }
    }

    @Test
    void digestUnlessSwitchedOffAndNothingElse() {
        System.clearProperty(AuthenticationMode.PROPERTY);
        assertThat(AuthenticationMode.configured()).isEqualTo(AuthenticationMode.DIGEST);
        System.setProperty(AuthenticationMode.PROPERTY, " None ");
        assertThat(AuthenticationMode.configured()).isEqualTo(AuthenticationMode.NONE);
        System.setProperty(AuthenticationMode.PROPERTY, "off");
        assertThat(AuthenticationMode.configured()).isEqualTo(AuthenticationMode.NONE);
        System.setProperty(AuthenticationMode.PROPERTY, "DIGEST");
        assertThat(AuthenticationMode.configured()).isEqualTo(AuthenticationMode.DIGEST);
        System.setProperty(AuthenticationMode.PROPERTY, "basic");
        assertThatThrownBy(AuthenticationMode::configured).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not basic");
    }
}
