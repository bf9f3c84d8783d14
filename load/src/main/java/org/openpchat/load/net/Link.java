package org.openpchat.load.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One TCP connection of a {@link Reactor}. */
public final class Link {

    private static final Logger LOG = Logger.getLogger(Link.class.getName());

    /** What a connection's owner hears, always on the reactor's thread. */
    public interface Handler {
        void message(Link link, byte[] message);

        /** The connection ended: by the peer (cause null), or on an error. */
        void closed(Link link, Exception cause);
    }

    final SocketChannel channel;
    volatile SelectionKey key;
    private final Reactor reactor;
    private final Handler handler;
    private final MessageFramer framer = new MessageFramer();
    private final Queue<ByteBuffer> pending = new ArrayDeque<>();
    private volatile boolean closed;

    Link(Reactor reactor, SocketChannel channel, Handler handler) {
        this.reactor = reactor;
        this.channel = channel;
        this.handler = handler;
    }

    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    /** Writes now what the socket takes; the rest when it can take more. */
    public synchronized void send(byte[] message) {
        if (closed) {
            return;
        }
        ByteBuffer data = ByteBuffer.wrap(message);
        if (pending.isEmpty()) {
            try {
                channel.write(data);
            } catch (IOException e) {
                reactor.submit(() -> closed(e));
                return;
            }
            if (!data.hasRemaining()) {
                return;
            }
        }
        pending.add(data);
        reactor.submit(this::wantWrite);
    }

    private void wantWrite() {
        if (closed) {
            return;
        }
        SelectionKey k = key;
        if (k != null && k.isValid()) {
            k.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        } else if (k == null) {
            reactor.submit(this::wantWrite);
        }
    }

    synchronized void flush() {
        try {
            while (!pending.isEmpty()) {
                ByteBuffer head = pending.peek();
                channel.write(head);
                if (head.hasRemaining()) {
                    return;
                }
                pending.poll();
            }
            key.interestOps(SelectionKey.OP_READ);
        } catch (IOException e) {
            reactor.submit(() -> closed(e));
        }
    }

    void received(ByteBuffer data) {
        framer.append(data);
        byte[] message;
        while ((message = framer.next()) != null) {
            try {
                handler.message(this, message);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a handler failed on a message; the connection stays open", e);
            }
        }
    }

    /** Closes the connection; the handler hears of it once. */
    public void close() {
        reactor.submit(() -> closed(null));
    }

    void closed(Exception cause) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending.clear();
        }
        try {
            channel.close();
        } catch (IOException e) {
            // closing anyway
        }
        handler.closed(this, cause);
    }
}
