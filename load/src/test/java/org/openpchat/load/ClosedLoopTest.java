package org.openpchat.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClosedLoopTest {

    @Test
    void timesWhatOperationsSayAndCountsFailuresAndRemarksApart() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ClosedLoop.Result result = new ClosedLoop().run(2, 1, worker -> {
            int call = calls.incrementAndGet();
            if (call % 3 == 0) {
                return CompletableFuture.failedFuture(new IllegalStateException("refused"));
            }
            return CompletableFuture.completedFuture(new ClosedLoop.Done(5_000_000, call % 3 == 1 ? "short" : null));
        });

        assertThat(result.operations()).isEqualTo(calls.get()).isGreaterThan(3);
        long failures = result.failures().get("IllegalStateException: refused");
        assertThat(failures).isEqualTo(calls.get() / 3);
        assertThat(result.latencyMicros().getTotalCount()).isEqualTo(calls.get() - failures);
        assertThat(result.remarks()).containsOnlyKeys("short");
        assertThat(result.millis(99)).isBetween(4.9, 5.1);
        assertThat(result.perSecond()).isGreaterThan(0);
    }

    @Test
    void anOperationThatThrowsIsAFailureNotTheEndOfTheWorker() throws Exception {
        ClosedLoop.Result result = new ClosedLoop().run(1, 1, worker -> {
            throw new IllegalArgumentException("bad");
        });

        assertThat(result.failures()).containsKey("IllegalArgumentException: bad");
        assertThat(result.latencyMicros().getTotalCount()).isZero();
        assertThat(result.millis(50)).isZero();
    }
}
