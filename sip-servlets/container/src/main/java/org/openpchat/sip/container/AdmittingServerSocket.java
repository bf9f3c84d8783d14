package org.openpchat.sip.container;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * JAIN-SIP's plain TCP listener: a connection {@link ConnectionAdmission} refuses is closed as
 * soon as it is accepted, and the next one is accepted in its place, so JAIN-SIP never sees it
 * (and never gives it a thread). An accept that fails while the socket is open (no file
 * descriptor left, say) is retried after a pause: JAIN-SIP would stop listening for good.
 */
class AdmittingServerSocket extends ServerSocket {

    private final ConnectionAdmission admission;

    AdmittingServerSocket(int port, int backlog, InetAddress bindAddress, ConnectionAdmission admission)
            throws IOException {
        super(port, backlog, bindAddress);
        this.admission = admission;
    }

    @Override
    public Socket accept() throws IOException {
        while (true) {
            Socket accepted;
            try {
                accepted = acceptOne();
            } catch (IOException e) {
                if (isClosed()) {
                    throw e;
                }
                admission.acceptFailed(e);
                continue;
            }
            if (admission.admit(accepted)) {
                return withoutDelay(accepted);
            }
            discard(accepted);
        }
    }

    /**
     * Switches Nagle's algorithm off for an admitted connection. SIP over a connection is small
     * messages in bursts (a {@code 200 OK}, then the INFO with the reply; a post to each member):
     * with Nagle the second write waits until the client acknowledges the first, which a client
     * delays by up to 40 ms, so every command took some 40 ms longer than its work.
     */
    static Socket withoutDelay(Socket accepted) {
        try {
            accepted.setTcpNoDelay(true);
        } catch (IOException e) {
            // closed already: the reader finds out
        }
        return accepted;
    }

    /** The next connection, as the JDK accepts it. */
    Socket acceptOne() throws IOException {
        return super.accept();
    }

    /**
     * Closes a refused connection with a reset: the server keeps no TIME_WAIT for it. Nothing
     * about it may reach the caller, for JAIN-SIP stops listening on a SocketException from accept.
     */
    static void discard(Socket refused) {
        try {
            refused.setSoLinger(true, 0);
        } catch (IOException alreadyGone) {
            // closed below all the same
        }
        try {
            refused.close();
        } catch (IOException alreadyGone) {
            // nothing left to release
        }
    }
}
