package org.openpchat.chat.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistrationExpiryTest {

    @Test
    void headerWinsAndIsBounded() {
        assertThat(RegistrationExpiry.granted("1800", null)).isEqualTo(1800);
        assertThat(RegistrationExpiry.granted("10", null)).isEqualTo(RegistrationExpiry.MIN_SECONDS);
        assertThat(RegistrationExpiry.granted("999999", null)).isEqualTo(RegistrationExpiry.MAX_SECONDS);
    }

    @Test
    void zeroDeregistersAndContactParameterCounts() {
        assertThat(RegistrationExpiry.granted("0", null)).isZero();
        assertThat(RegistrationExpiry.granted(null, "<sip:10.0.0.1:5060;transport=tcp>;expires=0")).isZero();
        assertThat(RegistrationExpiry.granted(null, "<sip:10.0.0.1>;Expires=120")).isEqualTo(120);
    }

    @Test
    void missingOrJunkMeansTheDefault() {
        assertThat(RegistrationExpiry.granted(null, "<sip:10.0.0.1>")).isEqualTo(RegistrationExpiry.DEFAULT_SECONDS);
        assertThat(RegistrationExpiry.granted("soon", null)).isEqualTo(RegistrationExpiry.DEFAULT_SECONDS);
    }
}
