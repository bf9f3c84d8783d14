package org.openpchat.chat.sip.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentPostTimesTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final RecentPostTimes times = new RecentPostTimes(now::get);

    @Test
    void theNinetiethPercentileOfTheRecentPosts() {
        for (long start : startedTogether(100)) { // the n-th ends after n ms
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
            times.ended(start);
        }
        assertThat(times.recentMillis()).isEqualTo(90);
    }

    @Test
    void aFewSlowPostsAmongManyDoNotMakeTheServerLate() {
        for (int i = 0; i < 95; i++) {
            post(5);
        }
        for (int i = 0; i < 5; i++) {
            post(300);
        }
        assertThat(times.recentMillis()).isEqualTo(5);
    }

    @Test
    void tooFewPostsAreNeverLate() {
        for (int i = 0; i < RecentPostTimes.MIN_POSTS - 1; i++) {
            post(30);
        }
        assertThat(times.recentMillis()).isZero();
        post(30);
        assertThat(times.recentMillis()).isEqualTo(30);
    }

    @Test
    void postsUnderWayCountAtTheirAgeAndNoLongerOnceEnded() {
        long[] starts = startedTogether(RecentPostTimes.MIN_POSTS);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(400));
        assertThat(times.recentMillis()).isEqualTo(400);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(times.recentMillis()).as("still growing").isEqualTo(500);

        for (long start : starts) {
            times.ended(start);
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(RecentPostTimes.WINDOW_SECONDS) + 1);
        assertThat(times.recentMillis()).as("ended, and older than the window").isZero();
    }

    @Test
    void onlyTheLatestPostsCount() {
        long[] slow = startedTogether(RecentPostTimes.KEPT);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(300));
        for (long start : slow) {
            times.ended(start);
        }
        assertThat(times.recentMillis()).isEqualTo(300);
        for (int i = 0; i < RecentPostTimes.KEPT; i++) {
            post(0);
        }
        assertThat(times.recentMillis()).as("the slow ones, still within the window, were overwritten").isZero();
    }

    private long[] startedTogether(int count) {
        long[] starts = new long[count];
        for (int i = 0; i < count; i++) {
            starts[i] = times.started();
        }
        return starts;
    }

    private void post(long millis) {
        long start = times.started();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
        times.ended(start);
    }
}
