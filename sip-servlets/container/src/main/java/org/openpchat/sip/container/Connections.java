package org.openpchat.sip.container;

import gov.nist.javax.sip.stack.MessageChannel;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Numbers the stream connections (TCP, TLS) messages arrive on, so that a connection can be told
 * from a later one that reuses its address and port. JAIN-SIP keeps one message channel object
 * per connection and says nothing when it closes; a channel that is not the one last seen for its
 * address and port is a new connection and gets a new number. Numbers are never reused. A
 * connection is forgotten once the garbage collector has taken its channel (the collector queues
 * it for us: walking all entries now and then cost a few per cent of the CPU at 10,000 connections).
 */
final class Connections {

    /** A connection's number and its channel, held weakly. */
    private static final class Seen extends WeakReference<Object> {
        private final long id;
        private final String peer;

        Seen(long id, String peer, Object channel, ReferenceQueue<Object> collected) {
            super(channel, collected);
            this.id = id;
            this.peer = peer;
        }
    }

    private final Map<String, Seen> byPeer = new ConcurrentHashMap<>();
    private final Map<Long, Seen> byId = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    private final AtomicLong next = new AtomicLong();

    /** Closes connection number {@code id} if it is still open; false if it is gone already. */
    boolean close(long id) {
        MessageChannel channel = channel(id);
        if (channel == null) {
            return false;
        }
        channel.close();
        return true;
    }

    /** The channel of connection number {@code id}; null once JAIN-SIP has let go of it. */
    MessageChannel channel(long id) {
        Seen seen = byId.get(id);
        return seen != null && seen.get() instanceof MessageChannel channel ? channel : null;
    }

    /** Connections messages arrived on that are still open. */
    int open() {
        int open = 0;
        for (Seen seen : byId.values()) {
            if (seen.get() instanceof MessageChannel channel) {
                Socket socket = ChannelSockets.of(channel);
                boolean closed = ChannelSockets.available() && (socket == null || socket.isClosed());
                if (!closed) {
                    open++;
                }
            }
        }
        return open;
    }

    /** The number of {@code channel}'s connection; 0 if no message has arrived on it. */
    long find(MessageChannel channel) {
        Seen seen = byPeer.get(channel.getKey());
        return seen != null && seen.get() == channel ? seen.id : 0;
    }

    /** The number of the connection {@code channel} is, for a peer at {@code key}. */
    long idOf(String key, Object channel) {
        forgetCollected();
        return byPeer.compute(key, (k, seen) -> {
            if (seen != null && seen.get() == channel) {
                return seen;
            }
            Seen connection = new Seen(next.incrementAndGet(), key, channel, collected);
            byId.put(connection.id, connection);
            return connection;
        }).id;
    }

    /** How many connections are remembered (open, or closed and not yet collected). */
    int remembered() {
        forgetCollected();
        return byId.size();
    }

    private void forgetCollected() {
        for (Reference<?> gone = collected.poll(); gone != null; gone = collected.poll()) {
            Seen seen = (Seen) gone;
            byPeer.remove(seen.peer, seen);
            byId.remove(seen.id, seen);
        }
    }
}
