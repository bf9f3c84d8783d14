package org.openpchat.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.metrics.FrontEndFigures;

class WriteLatencyCollectorTest {

    private static String text(WriteLatencyCollector collector) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, MetricSnapshots.of(collector.collect()));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theContainersCountsAreWrittenAsAPrometheusHistogram() throws Exception {
        FrontEndFigures figures = new FrontEndFigures(3, 4, 5, 6, 7, 0, 0, 0, 0, 0,
                new FrontEndFigures.Histogram(List.of(0.001, 0.01, 0.1), List.of(5L, 8L, 8L), 9, 1.5));

        String text = text(new WriteLatencyCollector(() -> figures));

        assertThat(text).contains("# TYPE pchat_sip_write_seconds histogram",
                "pchat_sip_write_seconds_bucket{le=\"0.001\"} 5", "pchat_sip_write_seconds_bucket{le=\"0.01\"} 8",
                "pchat_sip_write_seconds_bucket{le=\"0.1\"} 8", "pchat_sip_write_seconds_bucket{le=\"+Inf\"} 9",
                "pchat_sip_write_seconds_count 9", "pchat_sip_write_seconds_sum 1.5");
    }

    @Test
    void withoutAFrontEndTheHistogramHasNoData() throws Exception {
        String text = text(new WriteLatencyCollector(() -> null));

        assertThat(text).doesNotContain("pchat_sip_write_seconds_bucket");
    }
}
