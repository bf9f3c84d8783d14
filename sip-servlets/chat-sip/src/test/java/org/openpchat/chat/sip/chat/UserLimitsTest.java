package org.openpchat.chat.sip.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UserLimitsTest {

    private static final String[] PROPERTIES = {
        UserLimits.DIALOGS_PROPERTY, UserLimits.RATE_PROPERTY, UserLimits.BURST_PROPERTY};

    @AfterEach
    void clear() {
        for (String property : PROPERTIES) {
            System.clearProperty(property);
        }
    }

    @Test
    void defaultsUnlessTheJvmOptionsSayOtherwise() {
        assertThat(UserLimits.configured()).isEqualTo(new UserLimits(10, 20, 300));

        System.setProperty(UserLimits.DIALOGS_PROPERTY, "3");
        System.setProperty(UserLimits.RATE_PROPERTY, " 5 ");
        System.setProperty(UserLimits.BURST_PROPERTY, "1");
        assertThat(UserLimits.configured()).isEqualTo(new UserLimits(3, 5, 1));
    }

    @Test
    void theDefaultBurstAdmitsASipeSignInThatRejoinsTheMostRoomsOneBatchJoinMayName() {
        int signIn = 5 + CommandBounds.ROOMS_PER_BATCH_JOIN; // see UserLimits
        assertThat(UserLimits.DEFAULT_BURST).isGreaterThan(signIn);
    }

    @Test
    void aValueBelowOneOrNotANumberStopsTheStartNamingTheOption() {
        for (String property : PROPERTIES) {
            for (String wrong : new String[] {"0", "-1", "many", "", "2.5"}) {
                System.setProperty(property, wrong);
                assertThatThrownBy(UserLimits::configured).as(property + "=" + wrong)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage(property + " must be a whole number of at least 1, not " + wrong);
            }
            System.clearProperty(property);
        }
    }
}
