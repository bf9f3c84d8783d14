package org.openpchat.chat.sip.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    @Test
    void aFullBucketLetsTheWholeBurstThroughAtOnceAndNoMore() {
        TokenBucket bucket = new TokenBucket(20, 200, T0);

        for (int i = 0; i < 200; i++) {
            assertThat(bucket.take(T0)).as("request %d", i + 1).isTrue();
        }
        assertThat(bucket.take(T0)).as("request 201").isFalse();
        assertThat(bucket.take(T0)).as("a refused request takes nothing, and gives nothing back").isFalse();
    }

    @Test
    void tokensComeBackAtTheRateToTheNanosecond() {
        TokenBucket bucket = new TokenBucket(20, 200, T0);
        drain(bucket, T0);

        Instant almost = T0.plus(Duration.ofMillis(50).minusNanos(1));
        assertThat(bucket.take(almost)).as("1/20 s less a nanosecond").isFalse();
        Instant oneToken = T0.plusMillis(50);
        assertThat(bucket.take(oneToken)).as("1/20 s").isTrue();
        assertThat(bucket.take(oneToken)).isFalse();

        Instant aSecondLater = oneToken.plusSeconds(1);
        for (int i = 0; i < 20; i++) {
            assertThat(bucket.take(aSecondLater)).as("token %d of the next second", i + 1).isTrue();
        }
        assertThat(bucket.take(aSecondLater)).isFalse();
    }

    @Test
    void theRefillStopsAtTheBurst() {
        TokenBucket bucket = new TokenBucket(20, 200, T0);
        bucket.take(T0);
        assertThat(bucket.isFull(T0)).isFalse();
        assertThat(bucket.isFull(T0.plus(Duration.ofMillis(50).minusNanos(1)))).isFalse();
        assertThat(bucket.isFull(T0.plusMillis(50))).isTrue();

        Instant muchLater = T0.plus(Duration.ofDays(400));
        assertThat(bucket.isFull(muchLater)).isTrue();
        drain(bucket, muchLater);
        assertThat(bucket.take(muchLater)).as("no more than the burst after a long silence").isFalse();
    }

    @Test
    void theRefillReachesTheBurstExactlyAndNeverGoesBeyond() {
        TokenBucket thirds = new TokenBucket(3, 2, T0);
        thirds.take(T0);
        assertThat(thirds.isFull(T0.plusNanos(333_333_333))).as("a billionth of a token short").isFalse();
        assertThat(thirds.isFull(T0.plusNanos(333_333_334))).isTrue();

        TokenBucket bucket = new TokenBucket(20, 200, T0);
        bucket.take(T0);
        Instant aSecondLater = T0.plusSeconds(1);
        int taken = 0;
        while (bucket.take(aSecondLater)) {
            taken++;
        }
        assertThat(taken).as("twenty tokens came back, but the bucket holds 200").isEqualTo(200);
    }

    @Test
    void aClockThatGoesBackGivesNothing() {
        TokenBucket bucket = new TokenBucket(1, 2, T0);
        drain(bucket, T0);

        assertThat(bucket.take(T0.minusSeconds(30))).isFalse();
        assertThat(bucket.take(T0.plusMillis(999))).isFalse();
        assertThat(bucket.take(T0.plusSeconds(1))).isTrue();
    }

    private static void drain(TokenBucket bucket, Instant now) {
        int taken = 0;
        while (bucket.take(now)) {
            taken++;
        }
        assertThat(taken).isPositive();
    }
}
