package org.openpchat.sip.container;

import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.MessageChannel;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.Socket;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The socket under a JAIN-SIP stream connection (a TCP or TLS message channel). JAIN-SIP 1.3.0-91
 * keeps it in a protected field and offers no way to write to that socket alone: its own send
 * path looks the socket up again by address and, if it is gone, connects out to the client's
 * port. Where the field cannot be read (another JAIN-SIP), {@link #available()} is false.
 */
final class ChannelSockets {

    private static final Logger LOG = Logger.getLogger(ChannelSockets.class.getName());
    private static final VarHandle SOCKET = socketField();

    private ChannelSockets() {
    }

    private static VarHandle socketField() {
        try {
            return MethodHandles.privateLookupIn(ConnectionOrientedMessageChannel.class, MethodHandles.lookup())
                    .findVarHandle(ConnectionOrientedMessageChannel.class, "mySock", Socket.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.INFO, "JAIN-SIP's connection sockets cannot be reached; requests go through its transactions", e);
            return null;
        }
    }

    static boolean available() {
        return SOCKET != null;
    }

    /** The channel's socket; null if the channel is no stream connection or has closed its socket. */
    static Socket of(MessageChannel channel) {
        if (SOCKET == null || !(channel instanceof ConnectionOrientedMessageChannel stream)) {
            return null;
        }
        return (Socket) SOCKET.getVolatile(stream);
    }
}
