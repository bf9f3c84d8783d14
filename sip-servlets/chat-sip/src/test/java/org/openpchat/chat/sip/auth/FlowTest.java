package org.openpchat.chat.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlowTest {

    @Test
    void aFlowReadsAsTransportAddressPortAndConnection() {
        assertThat(new Flow("tls", "192.0.2.7", 5061, 12)).hasToString("tls:192.0.2.7:5061#12");
        assertThat(new Flow("udp", "192.0.2.7", 5060, 0)).hasToString("udp:192.0.2.7:5060");
    }

    @Test
    void onlyUdpIsConnectionless() {
        assertThat(new Flow("udp", "192.0.2.7", 5060, 0).connectionless()).isTrue();
        assertThat(new Flow("tcp", "192.0.2.7", 5060, 1).connectionless()).isFalse();
    }

    @Test
    void aLaterConnectionFromTheSamePortIsAnotherFlow() {
        assertThat(new Flow("tcp", "192.0.2.7", 50_000, 1)).isNotEqualTo(new Flow("tcp", "192.0.2.7", 50_000, 2));
    }
}
