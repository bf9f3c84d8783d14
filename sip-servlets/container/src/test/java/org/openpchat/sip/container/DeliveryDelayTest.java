package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.openpchat.sip.container.DeliveryDelay.Queue;

class DeliveryDelayTest {

    private final AtomicLong now = new AtomicLong(5_000);
    private final DeliveryDelay delay = new DeliveryDelay(now::get);

    @Test
    void whenMostMessagesWaitTheDelayShows() {
        for (int i = 0; i < 100; i++) {
            delay.record(Queue.WRITES, ms(i < 85 ? 300 : 5));
        }

        assertThat(delay.recentMillis()).isEqualTo(300);
    }

    @Test
    void oneClientsStalledMessagesDoNotMakeEveryoneLate() {
        for (int i = 0; i < 95; i++) {
            delay.record(Queue.WRITES, ms(2));
        }
        for (int i = 0; i < 5; i++) {
            delay.record(Queue.WRITES, ms(12_000));
        }

        assertThat(delay.recentMillis()).isZero();
    }

    @Test
    void waitsAreCountedInStepsAndCappedAtTheLimit() {
        recordMany(129);
        assertThat(delay.recentMillis()).isEqualTo(120);

        now.addAndGet(ms(5_000));
        recordMany(60_000);
        assertThat(delay.recentMillis()).isEqualTo(DeliveryDelay.LIMIT_MILLIS);
    }

    @Test
    void waitsAreRememberedForOneToTwoSecondsThenForgotten() {
        recordMany(400);
        now.addAndGet(ms(1_500));
        assertThat(delay.recentMillis()).as("the second before").isEqualTo(400);

        for (int i = 0; i < 10 * DeliveryDelay.MIN_MESSAGES; i++) {
            delay.record(Queue.WRITES, ms(20));
        }
        now.addAndGet(ms(1_000));
        assertThat(delay.recentMillis()).as("only the last second's").isEqualTo(20);

        now.addAndGet(ms(2_500));
        assertThat(delay.recentMillis()).as("nothing for two seconds").isZero();
    }

    @Test
    void tooLittleTrafficIsNeverLate() {
        for (int i = 1; i < DeliveryDelay.MIN_MESSAGES; i++) {
            delay.record(Queue.WRITES, ms(5_000));
        }
        assertThat(delay.recentMillis()).isZero();

        delay.record(Queue.WRITES, ms(5_000));
        assertThat(delay.recentMillis()).isEqualTo(5_000);
    }

    @Test
    void aQueueOfRequestsShowsThoughManyMoreAnswersAndWritesPassOnTime() {
        for (int i = 0; i < 150 * DeliveryDelay.MIN_MESSAGES; i++) {
            delay.record(Queue.INBOUND, ms(1));
            delay.record(Queue.WRITES, ms(2));
        }
        for (int i = 0; i < DeliveryDelay.MIN_MESSAGES; i++) {
            delay.record(Queue.REQUESTS, ms(900));
        }

        assertThat(delay.recentMillis()).isEqualTo(900);
    }

    @Test
    void eachQueueNeedsItsOwnTrafficToBeLate() {
        for (int i = 1; i < DeliveryDelay.MIN_MESSAGES; i++) {
            delay.record(Queue.REQUESTS, ms(900));
            delay.record(Queue.INBOUND, ms(900));
        }
        assertThat(delay.recentMillis()).as("too few in either queue").isZero();
    }

    private void recordMany(long millis) {
        for (int i = 0; i < DeliveryDelay.MIN_MESSAGES; i++) {
            delay.record(Queue.WRITES, ms(millis));
        }
    }

    private static long ms(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
