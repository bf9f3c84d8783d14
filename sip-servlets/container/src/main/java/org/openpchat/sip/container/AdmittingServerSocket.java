package org.openpchat.sip.container;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * JAIN-SIP's plain TCP listener: a connection {@link ConnectionAdmission} refuses is closed as
 * soon as it is accepted, and the next one is accepted in its place, so JAIN-SIP never sees it
 * (and never gives it a thread).
 */
final class AdmittingServerSocket extends ServerSocket {

    private final ConnectionAdmission admission;

    AdmittingServerSocket(int port, int backlog, InetAddress bindAddress, ConnectionAdmission admission)
            throws IOException {
        super(port, backlog, bindAddress);
        this.admission = admission;
    }

    @Override
    public Socket accept() throws IOException {
        while (true) {
            Socket accepted = super.accept();
            if (admission.admit(accepted)) {
                return accepted;
            }
            discard(accepted);
        }
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
