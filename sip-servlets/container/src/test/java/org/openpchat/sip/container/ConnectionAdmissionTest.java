package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Admission by address and in all, on sockets that only know their address and whether they are closed. */
class ConnectionAdmissionTest {

    private long now = 1_000_000_000L;
    private final ConnectionAdmission admission = new ConnectionAdmission(new ConnectionLimits(3, 5), () -> now);

    @Test
    void anAddressGetsItsLimitAndOthersStillGetIn() {
        List<FakeSocket> fromA = admitted("10.0.0.1", 3);

        assertThat(admission.admit(socket("10.0.0.1"))).as("a 4th from the same address").isFalse();
        assertThat(admission.admit(socket("10.0.0.2"))).as("another address").isTrue();
        assertThat(fromA).allMatch(s -> !s.isClosed());
    }

    @Test
    void aClosedConnectionFreesItsPlaceForItsAddressAtOnce() {
        List<FakeSocket> fromA = admitted("10.0.0.1", 3);
        fromA.get(1).close();

        assertThat(admission.admit(socket("10.0.0.1"))).isTrue();
        assertThat(admission.admit(socket("10.0.0.1"))).as("full again").isFalse();
    }

    @Test
    void theTotalCountsEveryAddress() {
        admitted("10.0.0.1", 3);
        admitted("10.0.0.2", 2);

        assertThat(admission.admit(socket("10.0.0.3"))).isFalse();
        assertThat(admission.admit(socket("10.0.0.2"))).as("under its own limit, over the total").isFalse();
    }

    @Test
    void aConnectionThatEndedFreesItsPlaceInTheTotalForItsOwnAddressAtOnceAndForOthersAtTheNextRecount() {
        List<FakeSocket> fromA = admitted("10.0.0.1", 3);
        List<FakeSocket> fromB = admitted("10.0.0.2", 2);
        fromA.get(0).close();
        fromB.get(0).close();

        assertThat(admission.admit(socket("10.0.0.2"))).as("B's own closed socket is counted out").isTrue();
        assertThat(admission.admit(socket("10.0.0.3"))).as("A's closed one is not counted out yet").isFalse();

        now += ConnectionAdmission.RECOUNT_INTERVAL.toNanos();
        assertThat(admission.admit(socket("10.0.0.3"))).as("after the recount").isTrue();
        assertThat(admission.admit(socket("10.0.0.3"))).as("full again").isFalse();
    }

    @Test
    void aRefusedConnectionTakesNoPlace() {
        admitted("10.0.0.1", 3);
        List<FakeSocket> fromB = admitted("10.0.0.2", 2);
        for (int i = 0; i < 10; i++) {
            assertThat(admission.admit(socket("10.0.0.3"))).isFalse();
        }
        fromB.forEach(FakeSocket::close);

        now += ConnectionAdmission.RECOUNT_INTERVAL.toNanos();
        assertThat(admitted("10.0.0.3", 2)).hasSize(2);
        assertThat(admission.admit(socket("10.0.0.3"))).isFalse();
    }

    @Test
    void atTwentyThousandConnectionsTheEndedOnesAreCountedOutAtTheRecount() {
        ConnectionAdmission wide = new ConnectionAdmission(new ConnectionLimits(1, 20_000), () -> now);
        List<FakeSocket> sockets = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            FakeSocket s = socket("10.1." + (i >> 8) + "." + (i & 0xff));
            assertThat(wide.admit(s)).isTrue();
            sockets.add(s);
        }
        assertThat(wide.admit(socket("10.2.0.1"))).isFalse();
        sockets.subList(0, 10_000).forEach(FakeSocket::close);

        now += ConnectionAdmission.RECOUNT_INTERVAL.toNanos();
        for (int i = 0; i < 10_000; i++) {
            assertThat(wide.admit(socket("10.3." + (i >> 8) + "." + (i & 0xff)))).isTrue();
        }
        assertThat(wide.admit(socket("10.2.0.1"))).as("full again").isFalse();
    }

    private List<FakeSocket> admitted(String address, int count) {
        List<FakeSocket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FakeSocket s = socket(address);
            assertThat(admission.admit(s)).as("connection %d from %s", i + 1, address).isTrue();
            sockets.add(s);
        }
        return sockets;
    }

    private static FakeSocket socket(String address) {
        try {
            return new FakeSocket(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An unconnected socket (no file descriptor) that reports a remote address. */
    private static final class FakeSocket extends Socket {
        private final InetAddress remote;
        private volatile boolean closed;

        FakeSocket(InetAddress remote) {
            this.remote = remote;
        }

        @Override
        public InetAddress getInetAddress() {
            return remote;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
