package org.openpchat.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the server's compliance outbox from its metrics endpoint once a second while a step
 * runs: the highest lag (age of the oldest event not yet handed to the compliance queue) and
 * the most events waiting.
 */
final class ComplianceLagSampler implements AutoCloseable {

    /** The highest figures seen; {@code samples} is how many scrapes answered. */
    record Peak(double lagSeconds, double waitingEvents, int samples, int failedSamples) {
    }

    static final String LAG = "pchat_compliance_lag_seconds";
    static final String WAITING = "pchat_compliance_outbox_events";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpRequest scrape;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pchat-load-metrics");
        thread.setDaemon(true);
        return thread;
    });
    private volatile double lag;
    private volatile double waiting;
    private final AtomicInteger samples = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    ComplianceLagSampler(URI metrics) {
        scrape = HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).GET().build();
        clock.scheduleWithFixedDelay(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    /** The peaks since the last call, which starts a new period. */
    synchronized Peak takePeak() {
        Peak peak = new Peak(lag, waiting, samples.getAndSet(0), failed.getAndSet(0));
        lag = 0;
        waiting = 0;
        return peak;
    }

    private void sample() {
        try {
            HttpResponse<String> response = http.send(scrape, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                failed.incrementAndGet();
                return;
            }
            record(gauge(response.body(), LAG), gauge(response.body(), WAITING));
        } catch (java.io.IOException e) {
            failed.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void record(double lagNow, double waitingNow) {
        lag = Math.max(lag, lagNow);
        waiting = Math.max(waiting, waitingNow);
        samples.incrementAndGet();
    }

    /** The value of an unlabelled gauge in the Prometheus text format, or 0 when absent. */
    static double gauge(String exposition, String name) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
