package org.openpchat.chat.domain.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpchat.chat.domain.shared.DomainException;

class PoolStateTest {

    @Test
    void theStatesAreWrittenAsLyncWritesThem() {
        assertThat(PoolState.NORMAL.text()).isEqualTo("Normal");
        assertThat(PoolState.FAILED_OVER.text()).isEqualTo("FailedOver");
    }

    @Test
    void theyAreReadInAnyCase() {
        assertThat(PoolState.parse("Normal")).isEqualTo(PoolState.NORMAL);
        assertThat(PoolState.parse(" failedover ")).isEqualTo(PoolState.FAILED_OVER);
        assertThat(PoolState.parse("FAILEDOVER")).isEqualTo(PoolState.FAILED_OVER);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Failed Over", "FAILED_OVER", "Down"})
    void anythingElseIsRefusedNamingTheStates(String text) {
        assertThatThrownBy(() -> PoolState.parse(text))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.INVALID))
                .hasMessage("the pool's state is Normal or FailedOver, not " + text);
    }
}
