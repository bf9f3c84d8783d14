package org.openpchat.sip.container;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes to non-blocking stream connections without ever blocking the caller. A message goes
 * straight to the socket when nothing waits before it (the usual case: the client reads); what
 * the socket does not take waits in the connection's outbox and is written by this writer's own
 * thread when the socket has room. A connection whose outbox holds more than
 * {@link WriteLimits#maxQueued()} messages, or that has taken no byte for
 * {@link WriteLimits#stall()} while messages wait, is reported to {@code slow} (which closes it)
 * and takes nothing more.
 *
 * <p>The thread has a selector of its own: a channel can be registered with several selectors,
 * and JAIN-SIP's selector keeps reading it.
 */
final class NonBlockingWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NonBlockingWriter.class.getName());
    private static final long CHECK_MILLIS = 1000;

    private static final class Outbox {
        final ArrayDeque<ByteBuffer> waiting = new ArrayDeque<>();
        /** When the socket last took bytes, or the outbox filled; for the stall rule. */
        long progressAt;
        boolean slow;
    }

    private final Map<SocketChannel, Outbox> outboxes = new ConcurrentHashMap<>();
    private final Queue<SocketChannel> toWatch = new ConcurrentLinkedQueue<>();
    private final WriteLimits limits;
    private final BiConsumer<SocketChannel, String> slow;
    private final LongSupplier nanoTime;
    private final Selector selector;
    private final Thread thread;

    NonBlockingWriter(String name, WriteLimits limits, BiConsumer<SocketChannel, String> slow) throws IOException {
        this(name, limits, slow, System::nanoTime);
    }

    NonBlockingWriter(String name, WriteLimits limits, BiConsumer<SocketChannel, String> slow, LongSupplier nanoTime)
            throws IOException {
        this.limits = limits;
        this.slow = slow;
        this.nanoTime = nanoTime;
        this.selector = Selector.open();
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Writes {@code bytes} after what waits for {@code channel}. Throws if the channel has closed,
     * or was found slow; returns at once in every case.
     */
    void send(SocketChannel channel, byte[] bytes) throws IOException {
        Outbox outbox = outboxes.computeIfAbsent(channel, c -> new Outbox());
        String tooSlow = null;
        synchronized (outbox) {
            if (outbox.slow) {
                throw new IOException("the connection was closed: its client did not read");
            }
            if (outbox.waiting.isEmpty()) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                channel.write(buffer);
                if (!buffer.hasRemaining()) {
                    return;
                }
                outbox.waiting.add(buffer);
                outbox.progressAt = nanoTime.getAsLong();
            } else if (outbox.waiting.size() >= limits.maxQueued()) {
                outbox.slow = true;
                outbox.waiting.clear();
                tooSlow = "more than " + limits.maxQueued() + " messages are waiting for it";
            } else {
                outbox.waiting.add(ByteBuffer.wrap(bytes));
                return;
            }
        }
        if (tooSlow != null) {
            slow.accept(channel, tooSlow);
            throw new IOException("the connection was closed: " + tooSlow);
        }
        toWatch.add(channel);
        selector.wakeup();
    }

    /** The channel has closed: what waited for it is dropped. */
    void forget(SocketChannel channel) {
        Outbox outbox = outboxes.remove(channel);
        if (outbox != null) {
            synchronized (outbox) {
                outbox.waiting.clear();
            }
        }
        SelectionKey key = channel.keyFor(selector);
        if (key != null) {
            key.cancel();
        }
    }

    /** Messages waiting over all connections. */
    long queued() {
        long queued = 0;
        for (Outbox outbox : outboxes.values()) {
            synchronized (outbox) {
                queued += outbox.waiting.size();
            }
        }
        return queued;
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the writer's selector", e);
        }
    }

    private void run() {
        long checkedAt = nanoTime.getAsLong();
        while (selector.isOpen() && !Thread.currentThread().isInterrupted()) {
            try {
                watchNew();
                selector.select(CHECK_MILLIS);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid() && key.isWritable()) {
                        drain(key);
                    }
                }
                selector.selectedKeys().clear();
                long now = nanoTime.getAsLong();
                if (now - checkedAt >= CHECK_MILLIS * 1_000_000) {
                    checkedAt = now;
                    findStalled(now);
                }
            } catch (java.nio.channels.ClosedSelectorException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "the SIP writer's loop failed; it goes on", e);
            }
        }
    }

    private void watchNew() {
        for (SocketChannel channel; (channel = toWatch.poll()) != null;) {
            Outbox outbox = outboxes.get(channel);
            if (outbox == null) {
                continue;
            }
            try {
                SelectionKey key = channel.keyFor(selector);
                if (key == null || !key.isValid()) {
                    channel.register(selector, SelectionKey.OP_WRITE, outbox);
                } else {
                    key.interestOps(SelectionKey.OP_WRITE);
                }
            } catch (ClosedChannelException | CancelledKeyException e) {
                forget(channel);
            }
        }
    }

    private void drain(SelectionKey key) {
        SocketChannel channel = (SocketChannel) key.channel();
        Outbox outbox = (Outbox) key.attachment();
        try {
            synchronized (outbox) {
                while (!outbox.waiting.isEmpty()) {
                    ByteBuffer head = outbox.waiting.peek();
                    if (channel.write(head) > 0) {
                        outbox.progressAt = nanoTime.getAsLong();
                    }
                    if (head.hasRemaining()) {
                        return;
                    }
                    outbox.waiting.poll();
                }
                key.interestOps(0);
            }
        } catch (IOException | CancelledKeyException e) {
            LOG.log(Level.FINE, "writing to a closed connection", e);
            forget(channel);
            try {
                channel.close();
            } catch (IOException alreadyClosed) {
                // its reader finds out
            }
        }
    }

    private void findStalled(long now) {
        long stall = limits.stall().toNanos();
        outboxes.forEach((channel, outbox) -> {
            boolean stalled;
            synchronized (outbox) {
                stalled = !outbox.slow && !outbox.waiting.isEmpty() && now - outbox.progressAt > stall;
                if (stalled) {
                    outbox.slow = true;
                    outbox.waiting.clear();
                }
            }
            if (stalled) {
                slow.accept(channel, "it has taken no byte for more than " + limits.stall().toSeconds() + " s");
            }
        });
    }
}
