package org.openpchat.sip.container;

import gov.nist.javax.sip.stack.IOHandler;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.net.Socket;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.SipStack;

/**
 * JAIN-SIP's table of stream sockets, keyed by the peer's address and port, made safe for a
 * client that reconnects from the port of a connection that dropped. JAIN-SIP writes every
 * response through this table, and a closing connection takes its key out without looking whose
 * socket is filed there: when the old connection closed after the new one had been filed (its
 * reader saw the reset late, or the container cut it), the new connection lost its socket, and
 * its answers went to an outbound connection the client never accepts. Here a key is only
 * removed while the socket under it is closed: an open socket there belongs to a newer
 * connection, and stays.
 * <p>
 * Nor does an answer dial out: where no socket is filed for the peer of a response or a
 * keep-alive's reply (its connection has closed), JAIN-SIP would open a connection to the
 * client's port, which no client accepts (a connect time-out where a firewall drops it, while
 * the peer's key is locked) and logged the whole table. Such a send fails at once instead.
 */
final class ConnectionSocketTable extends IOHandler {

    private static final Logger LOG = Logger.getLogger(ConnectionSocketTable.class.getName());
    private static final VarHandle IO_HANDLER = ioHandlerField();

    ConnectionSocketTable(SIPTransactionStack stack) {
        super(stack);
    }

    private static VarHandle ioHandlerField() {
        try {
            return MethodHandles.privateLookupIn(SIPTransactionStack.class, MethodHandles.lookup())
                    .findVarHandle(SIPTransactionStack.class, "ioHandler", IOHandler.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "JAIN-SIP's socket table cannot be replaced; a client reconnecting from"
                    + " the port of a dropped connection may miss answers", e);
            return null;
        }
    }

    /** Puts this table in {@code stack}, which must not have opened any connection yet. */
    static void install(SipStack stack) {
        if (IO_HANDLER != null && stack instanceof SIPTransactionStack transactions) {
            IO_HANDLER.setVolatile(transactions, new ConnectionSocketTable(transactions));
        }
    }

    @Override
    protected synchronized void putSocket(String key, Socket socket) {
        super.putSocket(key, socket);
    }

    /** Synchronized with {@link #putSocket}: a socket filed between the look and the removal stays. */
    @Override
    protected synchronized void removeSocket(String key) {
        Socket filed = getSocket(key);
        if (filed != null && !filed.isClosed()) {
            LOG.fine(() -> "keeping the open socket filed for " + key + ": a newer connection's");
            return;
        }
        super.removeSocket(key);
    }

    @Override
    public Socket sendBytes(InetAddress senderAddress, InetAddress receiverAddress, int contactPort, String transport,
            byte[] bytes, boolean isClient, MessageChannel messageChannel) throws IOException {
        boolean stream = "TCP".equalsIgnoreCase(transport) || "TLS".equalsIgnoreCase(transport);
        if (!isClient && stream && getSocket(makeKey(receiverAddress, contactPort)) == null) {
            throw new IOException("the connection from " + receiverAddress.getHostAddress() + ":" + contactPort
                    + " has closed; an answer is not sent over a new one");
        }
        return super.sendBytes(senderAddress, receiverAddress, contactPort, transport, bytes, isClient, messageChannel);
    }
}
