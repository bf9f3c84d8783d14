package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeliveryDelayTest {

    private final AtomicLong now = new AtomicLong(5_000);
    private final DeliveryDelay delay = new DeliveryDelay(now::get);

    @Test
    void theLongestRecentWaitCounts() {
        delay.record(ms(30));
        delay.record(ms(250));
        delay.record(ms(10));

        assertThat(delay.recentMillis()).isEqualTo(250);
    }

    @Test
    void aWaitIsRememberedForOneToTwoSecondsThenForgotten() {
        delay.record(ms(400));
        now.addAndGet(ms(1_500));
        assertThat(delay.recentMillis()).as("the second before").isEqualTo(400);

        delay.record(ms(20));
        now.addAndGet(ms(1_000));
        assertThat(delay.recentMillis()).as("only the last second's").isEqualTo(20);

        now.addAndGet(ms(2_500));
        assertThat(delay.recentMillis()).as("nothing for two seconds").isZero();
    }

    @Test
    void nothingWaitedNothingLate() {
        assertThat(delay.recentMillis()).isZero();
    }

    private static long ms(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
