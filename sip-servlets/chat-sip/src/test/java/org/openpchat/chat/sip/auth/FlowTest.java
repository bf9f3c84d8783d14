package org.openpchat.chat.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlowTest {

    @Test
    void aFlowReadsAsTransportAddressAndPort() {
        assertThat(new Flow("tcp", "192.0.2.7", 5061)).hasToString("tcp:192.0.2.7:5061");
    }
}
