package org.openpchat.it.sip.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop load: {@code threads} workers send {@code total} in-dialog INFOs on the given
 * dialogs (worker i uses dialogs i, i+threads, ... so a dialog is never used by two workers at
 * once) and measure latency. For benchmarks, not for timed unit tests.
 */
public final class LoadRun {

    /** Outcome: successful (2xx) transactions, errors (non-2xx or exceptions), wall time, latencies in ms. */
    public record Result(int count, int errors, Duration elapsed, double p50Ms, double p90Ms, double p99Ms,
            double maxMs) {

        public double perSecond() {
            return count / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }

        @Override
        public String toString() {
            return String.format("INFO transactions per second: %.0f (%d ok, %d errors in %d ms; "
                    + "latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms)", perSecond(), count, errors,
                    elapsed.toMillis(), p50Ms, p90Ms, p99Ms, maxMs);
        }
    }

    private LoadRun() {
    }

    /** Runs the load and prints "INFO transactions per second: X ..." to stdout. */
    public static Result infos(List<ClientDialog> dialogs, int total, int threads, String contentType,
            String body) throws InterruptedException {
        if (dialogs.size() < threads) {
            throw new IllegalArgumentException("need at least one dialog per thread");
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[] latencies = new long[total];
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            List<ClientDialog> mine = new ArrayList<>();
            for (int i = t; i < dialogs.size(); i += threads) {
                mine.add(dialogs.get(i));
            }
            Thread w = new Thread(() -> {
                int k = 0;
                for (int n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                    ClientDialog d = mine.get(k++ % mine.size());
                    long t0 = System.nanoTime();
                    try {
                        if (d.request("INFO", contentType, body).isSuccess()) {
                            ok.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        if (errors.getAndIncrement() == 0) {
                            System.err.println("LoadRun: first error: " + e);
                        }
                    }
                    latencies[n] = System.nanoTime() - t0;
                }
            }, "loadrun-" + t);
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        Result r = new Result(ok.get(), errors.get(), elapsed, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        System.out.println(r);
        return r;
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
