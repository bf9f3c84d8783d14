package org.openpchat.sip.container;

import gov.nist.javax.sip.stack.MessageChannel;
import java.lang.ref.WeakReference;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Numbers the stream connections (TCP, TLS) messages arrive on, so that a connection can be told
 * from a later one that reuses its address and port. JAIN-SIP keeps one message channel object
 * per connection and says nothing when it closes; a channel that is not the one last seen for its
 * address and port is a new connection and gets a new number. Numbers are never reused.
 */
final class Connections {

    private record Seen(long id, WeakReference<Object> channel) {
    }

    private static final int PURGE_EVERY = 1024;

    private final Map<String, Seen> byPeer = new ConcurrentHashMap<>();
    private final Map<Long, Seen> byId = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong lookups = new AtomicLong();

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
        return seen != null && seen.channel().get() instanceof MessageChannel channel ? channel : null;
    }

    /** Connections messages arrived on that are still open. */
    int open() {
        int open = 0;
        for (Seen seen : byId.values()) {
            if (seen.channel().get() instanceof MessageChannel channel) {
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
        return seen != null && seen.channel().get() == channel ? seen.id() : 0;
    }

    /** The number of the connection {@code channel} is, for a peer at {@code key}. */
    long idOf(String key, Object channel) {
        if (lookups.incrementAndGet() % PURGE_EVERY == 0) {
            byPeer.values().removeIf(seen -> seen.channel().get() == null);
            byId.values().removeIf(seen -> seen.channel().get() == null);
        }
        return byPeer.compute(key, (k, seen) -> {
            if (seen != null && seen.channel().get() == channel) {
                return seen;
            }
            Seen connection = new Seen(next.incrementAndGet(), new WeakReference<>(channel));
            byId.put(connection.id(), connection);
            return connection;
        }).id();
    }
}
