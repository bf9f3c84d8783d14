package org.openpchat.sip.container;

import gov.nist.javax.sip.stack.KeyedSemaphore;
import gov.nist.javax.sip.stack.NIOHandler;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JAIN-SIP's table of the connections of one NIO listener, made fit for thousands of them:
 * <ul>
 * <li>the map from socket to connection is concurrent (JAIN-SIP's is a plain {@code HashMap},
 * written by the selector thread on accept and by any thread that closes a connection);
 * <li>a closing connection takes its own entry out of the address table, found by its socket,
 * not by a walk over every open connection, and never a newer connection's entry;
 * <li>nothing dials out: where the connection a message belongs to has closed, or none is filed
 * for the peer, the send fails at once. A client reaches us, we do not reach it (JAIN-SIP would
 * connect to the client's port, which no client accepts).
 * </ul>
 */
final class ContainerNioHandler extends NIOHandler {

    private static final Logger LOG = Logger.getLogger(ContainerNioHandler.class.getName());
    private static final VarHandle SOCKET_TABLE = field("socketTable", ConcurrentHashMap.class);
    private static final VarHandle KEY_LOCKS = field("keyedSemaphore", KeyedSemaphore.class);

    private final Map<SocketChannel, String> keyOf = new ConcurrentHashMap<>();
    private final NonBlockingWriter writer;

    ContainerNioHandler(SIPTransactionStack stack, NioTcpMessageProcessor processor, NonBlockingWriter writer) {
        super(stack, processor);
        this.writer = writer;
        this.channelMap = new ConcurrentChannelMap();
    }

    private static VarHandle field(String name, Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(NIOHandler.class, MethodHandles.lookup())
                    .findVarHandle(NIOHandler.class, name, type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.INFO, "JAIN-SIP's address table cannot be reached: a closing connection is found by a walk", e);
            return null;
        }
    }

    @Override
    protected void putSocket(String key, SocketChannel socket) {
        super.putSocket(key, socket);
        keyOf.put(socket, key);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void removeSocket(SocketChannel socket) {
        String key = keyOf.remove(socket);
        if (SOCKET_TABLE == null || KEY_LOCKS == null) {
            super.removeSocket(socket);
            return;
        }
        if (key == null) {
            return;
        }
        KeyedSemaphore locks = (KeyedSemaphore) KEY_LOCKS.get(this);
        try {
            locks.enterIOCriticalSection(key); // as JAIN-SIP's own removal: no connect to the key meanwhile
        } catch (IOException timedOut) {
            LOG.fine(() -> "removing " + key + " without its lock: " + timedOut.getMessage());
            ((ConcurrentHashMap<String, SocketChannel>) SOCKET_TABLE.get(this)).remove(key, socket);
            return;
        }
        try {
            ((ConcurrentHashMap<String, SocketChannel>) SOCKET_TABLE.get(this)).remove(key, socket);
        } finally {
            locks.remove(key); // drops and releases the lock, unless another thread waits for it
            try {
                locks.leaveIOCriticalSection(key); // for that case
            } catch (IllegalMonitorStateException released) {
                // remove released it: the lock under the key now is another's
            }
        }
    }

    @Override
    public void removeMessageChannel(SocketChannel socket) {
        super.removeMessageChannel(socket);
        writer.forget(socket);
    }

    @Override
    public SocketChannel sendBytes(InetAddress senderAddress, InetAddress receiverAddress, int contactPort,
            String transport, byte[] bytes, boolean retry, NioTcpMessageChannel channel) throws IOException {
        SocketChannel own = channel == null ? null : channel.getSocketChannel();
        if (own == null || !own.isOpen()) {
            throw new IOException("the connection from " + receiverAddress.getHostAddress() + ":" + contactPort
                    + " has closed; nothing is sent over a new one");
        }
        String key = makeKey(receiverAddress, contactPort);
        if (getSocket(key) != own) { // JAIN-SIP sends by key: the channel's own socket, never a new one
            putSocket(key, own);
        }
        return super.sendBytes(senderAddress, receiverAddress, contactPort, transport, bytes, retry, channel);
    }

    /** JAIN-SIP declares the field a {@code HashMap}: this one is one only in name. */
    private static final class ConcurrentChannelMap extends HashMap<SocketChannel, NioTcpMessageChannel> {
        private static final long serialVersionUID = 1L;
        private final transient ConcurrentHashMap<SocketChannel, NioTcpMessageChannel> map = new ConcurrentHashMap<>();

        @Override
        public NioTcpMessageChannel get(Object key) {
            return map.get(key);
        }

        @Override
        public NioTcpMessageChannel put(SocketChannel key, NioTcpMessageChannel value) {
            return map.put(key, value);
        }

        @Override
        public NioTcpMessageChannel remove(Object key) {
            return map.remove(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public void clear() {
            map.clear();
        }

        @Override
        public Set<SocketChannel> keySet() {
            return map.keySet();
        }

        @Override
        public Collection<NioTcpMessageChannel> values() {
            return map.values();
        }

        @Override
        public Set<Map.Entry<SocketChannel, NioTcpMessageChannel>> entrySet() {
            return map.entrySet();
        }

        @Override
        public String toString() {
            return map.toString();
        }
    }
}
