package org.openpchat.sip.container;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openpchat.sip.servlet.SipStatistics;

/** How long messages took until written, counted in fixed buckets since start (for operators' metrics). */
final class WriteLatency {

    static final long[] UPPER_BOUNDS_MILLIS = {1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000};

    private final LongAdder[] buckets = new LongAdder[UPPER_BOUNDS_MILLIS.length + 1];
    private final LongAdder sumNanos = new LongAdder();

    WriteLatency() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    void record(long nanos) {
        long took = Math.max(0, nanos);
        int bucket = 0;
        while (bucket < UPPER_BOUNDS_MILLIS.length && took > TimeUnit.MILLISECONDS.toNanos(UPPER_BOUNDS_MILLIS[bucket])) {
            bucket++;
        }
        buckets[bucket].increment();
        sumNanos.add(took);
    }

    SipStatistics.Latency snapshot() {
        List<Double> bounds = new ArrayList<>();
        List<Long> cumulative = new ArrayList<>();
        long seen = 0;
        for (int i = 0; i < UPPER_BOUNDS_MILLIS.length; i++) {
            seen += buckets[i].sum();
            bounds.add(UPPER_BOUNDS_MILLIS[i] / 1000.0);
            cumulative.add(seen);
        }
        long count = seen + buckets[UPPER_BOUNDS_MILLIS.length].sum();
        return new SipStatistics.Latency(bounds, cumulative, count, sumNanos.sum() / 1e9);
    }
}
