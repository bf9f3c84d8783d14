package org.openpchat.web.metrics;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;
import java.util.function.Supplier;
import org.openpchat.chat.application.metrics.FrontEndFigures;

/**
 * The SIP container's write latency as a Prometheus histogram: the container counts messages in
 * fixed buckets itself (it sends thousands a second), so this only hands those counts on.
 */
final class WriteLatencyCollector implements Collector {

    static final String NAME = "pchat_sip_write_seconds";

    private final Supplier<FrontEndFigures> figures;

    WriteLatencyCollector(Supplier<FrontEndFigures> figures) {
        this.figures = figures;
    }

    @Override
    public String getPrometheusName() {
        return NAME;
    }

    @Override
    public MetricSnapshot collect() {
        HistogramSnapshot.Builder histogram = HistogramSnapshot.builder().name(NAME).unit(Unit.SECONDS)
                .help("time from a servlet sending a message to a SIP client until it was written to the"
                        + " client's connection (queued behind earlier ones, then written)");
        FrontEndFigures frontEnd = figures.get();
        if (frontEnd != null) {
            histogram.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                    .classicHistogramBuckets(buckets(frontEnd.writeLatency()))
                    .sum(frontEnd.writeLatency().sumSeconds()).build());
        }
        return histogram.build();
    }

    /** The client library wants each bucket's own count, the last one unbounded. */
    static ClassicHistogramBuckets buckets(FrontEndFigures.Histogram latency) {
        List<Double> bounds = latency.upperBoundsSeconds();
        List<Long> cumulative = latency.cumulativeCounts();
        double[] upperBounds = new double[bounds.size() + 1];
        long[] counts = new long[bounds.size() + 1];
        long before = 0;
        for (int i = 0; i < bounds.size(); i++) {
            upperBounds[i] = bounds.get(i);
            counts[i] = cumulative.get(i) - before;
            before = cumulative.get(i);
        }
        upperBounds[bounds.size()] = Double.POSITIVE_INFINITY;
        counts[bounds.size()] = latency.count() - before;
        return ClassicHistogramBuckets.of(upperBounds, counts);
    }
}
