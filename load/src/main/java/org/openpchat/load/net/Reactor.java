package org.openpchat.load.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One selector thread serving many TCP connections: reads are cut into SIP messages and handed to
 * each connection's handler on this thread; writes go out at once when the socket takes them and
 * are queued otherwise. Handlers must not block.
 */
public final class Reactor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Reactor.class.getName());

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private volatile boolean running = true;

    public Reactor(String name) {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Connects from {@code local} (port chosen by the system) to {@code remote}; blocks until connected. */
    public Link connect(InetSocketAddress local, InetSocketAddress remote, Link.Handler handler) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.bind(local);
            channel.connect(remote);
            channel.configureBlocking(false);
            channel.socket().setTcpNoDelay(true);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        Link link = new Link(this, channel, handler);
        submit(() -> {
            try {
                link.key = channel.register(selector, SelectionKey.OP_READ, link);
            } catch (ClosedChannelException e) {
                link.closed(e);
            }
        });
        return link;
    }

    void submit(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    boolean onReactorThread() {
        return Thread.currentThread() == thread;
    }

    private void loop() {
        while (running) {
            try {
                selector.select(1000);
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    task.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Link link = (Link) key.attachment();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isWritable()) {
                        link.flush();
                    }
                    if (key.isValid() && key.isReadable()) {
                        read(link);
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "reactor loop", e);
            }
        }
    }

    private void read(Link link) {
        try {
            readBuffer.clear();
            int n = link.channel.read(readBuffer);
            if (n < 0) {
                link.closed(null);
                return;
            }
            readBuffer.flip();
        } catch (IOException e) {
            link.closed(e);
            return;
        }
        try {
            link.received(readBuffer);
        } catch (IllegalStateException e) {
            link.closed(e); // the stream cannot be cut into messages any more
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the selector", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
