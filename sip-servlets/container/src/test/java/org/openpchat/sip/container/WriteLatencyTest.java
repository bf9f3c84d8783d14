package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openpchat.sip.servlet.SipStatistics;

class WriteLatencyTest {

    @Test
    void countsEachWriteUnderEveryBoundItFits() {
        WriteLatency latency = new WriteLatency();
        latency.record(TimeUnit.MICROSECONDS.toNanos(300)); // within 1 ms
        latency.record(TimeUnit.MILLISECONDS.toNanos(1));   // a bound counts as within it
        latency.record(TimeUnit.MILLISECONDS.toNanos(7));
        latency.record(TimeUnit.SECONDS.toNanos(30));       // beyond the last bound

        SipStatistics.Latency snapshot = latency.snapshot();

        assertThat(snapshot.upperBoundsSeconds()).startsWith(0.001, 0.005, 0.01).endsWith(10.0);
        assertThat(snapshot.cumulativeCounts()).startsWith(2L, 2L, 3L).endsWith(3L);
        assertThat(snapshot.count()).isEqualTo(4);
        assertThat(snapshot.sumSeconds()).isCloseTo(30.0083, org.assertj.core.data.Offset.offset(1e-6));
    }
}
