package org.openpchat.chat.sip.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnvelopeLimitTest {

    @AfterEach
    void clear() {
        System.clearProperty(EnvelopeLimit.PROPERTY);
    }

    @Test
    void sixteenUnlessTheJvmOptionSaysOtherwise() {
        assertThat(EnvelopeLimit.configured()).isEqualTo(16);

        System.setProperty(EnvelopeLimit.PROPERTY, " 4 ");
        assertThat(EnvelopeLimit.configured()).isEqualTo(4);
    }

    @Test
    void aLimitBelowOneOrNotANumberStopsTheStart() {
        for (String wrong : new String[] {"0", "-1", "many", ""}) {
            System.setProperty(EnvelopeLimit.PROPERTY, wrong);
            assertThatThrownBy(EnvelopeLimit::configured).as(wrong).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(EnvelopeLimit.PROPERTY);
        }
    }
}
