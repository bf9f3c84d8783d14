package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionsTest {

    private final Connections connections = new Connections();

    @Test
    void aChannelKeepsItsNumberAndALaterChannelFromTheSamePeerGetsANewOne() {
        Object first = new Object();
        Object second = new Object();

        long one = connections.idOf("tcp:127.0.0.2:5000", first);
        long again = connections.idOf("tcp:127.0.0.2:5000", first);
        long other = connections.idOf("tcp:127.0.0.3:5000", second);
        long reused = connections.idOf("tcp:127.0.0.2:5000", second);

        assertThat(again).isEqualTo(one);
        assertThat(other).isNotEqualTo(one);
        assertThat(reused).isNotIn(one, other);
    }

    @Test
    void connectionsWhoseChannelsAreCollectedAreForgotten() throws InterruptedException {
        Object kept = new Object();
        connections.idOf("tcp:127.0.0.2:1", kept);
        for (int i = 0; i < 1000; i++) {
            connections.idOf("tcp:127.0.0.3:" + i, new Object());
        }

        for (int tries = 0; tries < 50 && connections.remembered() > 1; tries++) {
            System.gc();
            Thread.sleep(20);
        }

        assertThat(connections.remembered()).isEqualTo(1);
        assertThat(connections.idOf("tcp:127.0.0.2:1", kept)).isEqualTo(1);
    }
}
