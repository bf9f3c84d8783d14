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
                return accepted;
            }
            discard(accepted);
        }
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
