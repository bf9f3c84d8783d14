package org.openpchat.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComplianceLagSamplerTest {

    private static final String EXPOSITION = """
            # HELP pchat_compliance_lag_seconds age of the oldest compliance event not yet handed on
            # TYPE pchat_compliance_lag_seconds gauge
            pchat_compliance_lag_seconds 0.83
            pchat_compliance_outbox_events 120.0
            pchat_compliance_outbox_events_other 7.0
            """;

    @Test
    void readsAnUnlabelledGaugeByItsExactName() {
        assertThat(ComplianceLagSampler.gauge(EXPOSITION, ComplianceLagSampler.LAG)).isEqualTo(0.83);
        assertThat(ComplianceLagSampler.gauge(EXPOSITION, ComplianceLagSampler.WAITING)).isEqualTo(120.0);
        assertThat(ComplianceLagSampler.gauge(EXPOSITION, "pchat_missing")).isZero();
    }
}
