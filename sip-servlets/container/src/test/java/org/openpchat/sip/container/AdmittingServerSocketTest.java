package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * JAIN-SIP stops listening for good when accept() throws; the container's listening socket
 * keeps accepting through failures while it is open (no file descriptor left, say).
 */
class AdmittingServerSocketTest {

    private final ConnectionAdmission admission = new ConnectionAdmission(new ConnectionLimits(10, 100));

    @Test
    void anAcceptThatFailsIsRetriedUntilAConnectionComes() throws Exception {
        AtomicInteger failures = new AtomicInteger(2);
        try (AdmittingServerSocket server = new AdmittingServerSocket(0, 10, InetAddress.getLoopbackAddress(), admission) {
                    @Override
                    Socket acceptOne() throws IOException {
                        if (failures.getAndDecrement() > 0) {
                            throw new SocketException("Too many open files");
                        }
                        return super.acceptOne();
                    }
                };
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            long started = System.nanoTime();
            try (Socket accepted = server.accept()) {
                assertThat(accepted.getPort()).isEqualTo(client.getLocalPort());
            }
            assertThat(failures.get()).as("both failures were passed over").isNegative();
            assertThat(System.nanoTime() - started).as("with a pause after each")
                    .isGreaterThanOrEqualTo(2 * ConnectionAdmission.ACCEPT_RETRY.toNanos());
        }
    }

    @Test
    void anAdmittedConnectionSendsWithoutNaglesDelay() throws Exception {
        try (AdmittingServerSocket server = new AdmittingServerSocket(0, 10, InetAddress.getLoopbackAddress(), admission);
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket accepted = server.accept()) {
            assertThat(client.getTcpNoDelay()).as("the JDK's default").isFalse();
            assertThat(accepted.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void aClosedSocketStillEndsTheAcceptLoop() throws Exception {
        AdmittingServerSocket server = new AdmittingServerSocket(0, 10, InetAddress.getLoopbackAddress(), admission);
        server.close();

        assertThatThrownBy(server::accept).isInstanceOf(SocketException.class);
    }
}
