package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.spi.ResourceAdapterInternalException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The connection limits from JVM options: the defaults, values given, and values that stop the container. */
class ConnectionLimitsTest {

    @AfterEach
    void clear() {
        System.clearProperty(ConnectionLimits.PER_ADDRESS_PROPERTY);
        System.clearProperty(ConnectionLimits.TOTAL_PROPERTY);
    }

    @Test
    void withoutOptionsTheDefaults() {
        assertThat(ConnectionLimits.configured()).isEqualTo(new ConnectionLimits(1000, 25000));
    }

    @Test
    void optionsGiven() {
        System.setProperty(ConnectionLimits.PER_ADDRESS_PROPERTY, " 7 ");
        System.setProperty(ConnectionLimits.TOTAL_PROPERTY, "300");
        assertThat(ConnectionLimits.configured()).isEqualTo(new ConnectionLimits(7, 300));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "ten", "1.5", "", "99999999999"})
    void aBadPerAddressLimitIsRefusedByName(String value) {
        System.setProperty(ConnectionLimits.PER_ADDRESS_PROPERTY, value);
        assertThatThrownBy(ConnectionLimits::configured).isInstanceOf(IllegalStateException.class)
                .hasMessage(ConnectionLimits.PER_ADDRESS_PROPERTY + " must be a whole number of at least 1, not " + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "many"})
    void aBadTotalIsRefusedByName(String value) {
        System.setProperty(ConnectionLimits.TOTAL_PROPERTY, value);
        assertThatThrownBy(ConnectionLimits::configured).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(ConnectionLimits.TOTAL_PROPERTY + " must be a whole number of at least 1");
    }

    @Test
    void aBadValueStopsTheContainerFromStarting() {
        System.setProperty(ConnectionLimits.TOTAL_PROPERTY, "none");
        // fails before any socket is bound
        assertThatThrownBy(() -> new InProcessContainer(5, 6, adapter -> { }))
                .isInstanceOf(ResourceAdapterInternalException.class)
                .hasMessageContaining(ConnectionLimits.TOTAL_PROPERTY + " must be a whole number of at least 1, not none");
    }

    @Test
    void theTotalLeavesDescriptorsForTheRestOfTheServer() {
        ConnectionLimits limits = new ConnectionLimits(1000, 25000);
        assertThat(limits.withinDescriptors(20000)).isEqualTo(new ConnectionLimits(1000, 18000));
        assertThat(limits.withinDescriptors(2500)).isEqualTo(new ConnectionLimits(500, 500));
        assertThat(limits.withinDescriptors(27000)).isSameAs(limits);
        assertThat(limits.withinDescriptors(2000)).isEqualTo(new ConnectionLimits(1, 1));
        assertThat(limits.withinDescriptors(-1)).as("unknown").isSameAs(limits);
    }
}
