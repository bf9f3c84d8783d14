package org.openpchat.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Workers that each run one operation after another for a while (closed loop: a worker starts
 * its next operation when the last one ended), timing every operation and counting failures by
 * reason. An operation that completes normally succeeded; it says what part of it was timed and
 * may carry a remark counted beside (e.g. "short history").
 */
final class ClosedLoop {

    /** An operation's outcome: how long its timed part took, and a remark or null. */
    record Done(long timedNanos, String remark) {

        static Done since(long startNanos, String remark) {
            return new Done(System.nanoTime() - startNanos, remark);
        }
    }

    /** What the workers did. */
    record Result(long operations, double seconds, Histogram latencyMicros, Map<String, Integer> failures,
            Map<String, Integer> remarks) {

        double perSecond() {
            return seconds <= 0 ? 0 : operations / seconds;
        }

        double millis(double percentile) {
            return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private static final long OPERATION_TIMEOUT_SECONDS = 60;

    private final Recorder latency = new Recorder(3);
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, Integer> remarks = new ConcurrentHashMap<>();

    /** Runs {@code workers} workers for {@code seconds}; worker w's operations come from {@code operation.apply(w)}. */
    Result run(int workers, int seconds, IntFunction<CompletableFuture<Done>> operation) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        List<CompletableFuture<Long>> done = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            CompletableFuture<Long> worker = new CompletableFuture<>();
            next(w, operation, deadline, 0, worker);
            done.add(worker);
        }
        long operations = 0;
        for (CompletableFuture<Long> worker : done) {
            try {
                operations += worker.get(seconds + OPERATION_TIMEOUT_SECONDS * 2, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                failures.merge("worker stuck", 1, Integer::sum);
            }
        }
        return new Result(operations, (System.nanoTime() - start) / 1e9, latency.getIntervalHistogram(),
                new TreeMap<>(failures), new TreeMap<>(remarks));
    }

    private void next(int worker, IntFunction<CompletableFuture<Done>> operation, long deadline, long count,
            CompletableFuture<Long> done) {
        if (System.nanoTime() >= deadline) {
            done.complete(count);
            return;
        }
        CompletableFuture<Done> pending;
        try {
            pending = operation.apply(worker);
        } catch (RuntimeException e) {
            pending = CompletableFuture.failedFuture(e);
        }
        // async: an operation that fails at once must not make the next one a deeper call
        pending.orTimeout(OPERATION_TIMEOUT_SECONDS, TimeUnit.SECONDS).whenCompleteAsync((outcome, failure) -> {
            if (failure == null) {
                latency.recordValue(Math.max(0, outcome.timedNanos() / 1000));
                if (outcome.remark() != null) {
                    remarks.merge(outcome.remark(), 1, Integer::sum);
                }
            } else {
                failures.merge(Population.reason(failure), 1, Integer::sum);
            }
            next(worker, operation, deadline, count + 1, done);
        });
    }
}
