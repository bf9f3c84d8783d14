package org.openpchat.client.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stacks that share a JVM: unique names, and a failed set-up leaves nothing running. */
@Timeout(30)
class SipStacksTest {

    @Test
    void aFailedSetUpStopsTheStackAtOnceAndSaysWhy() {
        AtomicReference<ThreadGroup> group = new AtomicReference<>();
        long start = System.nanoTime();
        assertThatThrownBy(() -> SipStacks.create("failing", new Properties(), null, h -> {
            group.set(h.threads());
            h.stack().createListeningPoint("127.0.0.1", SipStacks.freePort("127.0.0.1", false), "tcp");
            throw new IllegalStateException("set-up broke");
        })).isInstanceOf(SipClientException.class).hasMessageContaining("set-up broke")
                .hasRootCauseInstanceOf(IllegalStateException.class);
        // JAIN-SIP's stop() sleeps a second; nothing waits for the starter thread on top of that
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
        assertThat(group.get().getName()).startsWith("failing-");
        assertThat(group.get().activeCount()).isLessThanOrEqualTo(1); // at most the starter, ending
    }

    @Test
    void everyStackHasItsOwnName() {
        try (SipClient a = SipClient.start("tcp"); SipClient b = SipClient.start("tcp")) {
            assertThat(a.threadGroup().getName()).startsWith("openpchat-client-")
                    .isNotEqualTo(b.threadGroup().getName());
            assertThat(a.port()).isNotEqualTo(b.port());
        }
    }
}
