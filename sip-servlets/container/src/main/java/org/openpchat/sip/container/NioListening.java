package org.openpchat.sip.container;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.parser.NioPipelineParser;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the container's TCP and TLS listeners ({@link ContainerNioTcpProcessor},
 * {@link ContainerNioTlsProcessor}) add to JAIN-SIP's NIO listeners, which read every connection
 * on one selector thread: admission of each accepted connection within the container's limits,
 * writes that never block ({@link NonBlockingWriter}), a connection table fit for thousands of
 * connections ({@link ContainerNioHandler}), framing that reads every legal header form and
 * refuses an oversized message before allocating it ({@link StreamFraming}), and a listen backlog
 * for a logon storm.
 */
final class NioListening implements AutoCloseable {

    /** Connections the kernel holds for us while the selector thread is busy; Linux caps it at somaxconn. */
    static final int BACKLOG = 4096;
    private static final Logger LOG = Logger.getLogger(NioListening.class.getName());

    private static final VarHandle PARSER = parserField();

    private final SIPTransactionStack stack;
    private final StreamPolicy policy;
    private final NonBlockingWriter writer;
    private final ContainerNioHandler handler;

    NioListening(NioTcpMessageProcessor processor, SIPTransactionStack stack, String transport, int port)
            throws IOException {
        this.stack = stack;
        String stackName = stack instanceof SipStackImpl impl ? impl.getStackName() : null;
        this.policy = StreamPolicy.of(stackName);
        this.writer = new NonBlockingWriter("SIP writer " + transport + "/" + port, policy.writeLimits(), this::slowReader);
        this.handler = new ContainerNioHandler(stack, processor, writer);
        policy.writers().add(writer);
    }

    ContainerNioHandler handler() {
        return handler;
    }

    NonBlockingWriter writer() {
        return writer;
    }

    private static VarHandle parserField() {
        try {
            return MethodHandles.privateLookupIn(NioTcpMessageChannel.class, MethodHandles.lookup())
                    .findVarHandle(NioTcpMessageChannel.class, "nioParser", NioPipelineParser.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "JAIN-SIP's framing of TCP and TLS stays: compact Call-ID and Content-Length"
                    + " headers are not understood", e);
            return null;
        }
    }

    /** {@code channel}, a new connection's, reading its bytes through {@link StreamFraming}. */
    NioTcpMessageChannel framed(NioTcpMessageChannel channel) {
        if (channel != null && PARSER != null && !(PARSER.get(channel) instanceof StreamFraming)) {
            PARSER.set(channel, new StreamFraming(stack, channel, stack.getMaxMessageSize()));
        }
        return channel;
    }

    /** True if the accepted {@code client} may stay; a refused one is closed here. */
    boolean admit(SocketChannel client) {
        if (policy.admission().admit(client.socket())) {
            try {
                client.socket().setTcpNoDelay(true);
            } catch (IOException closedAlready) {
                // the selector finds out
            }
            return true;
        }
        discard(client.socket());
        return false;
    }

    /** Closed with a reset: a refused connection holds no socket in TIME_WAIT here. */
    private static void discard(java.net.Socket refused) {
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

    private void slowReader(SocketChannel socket, String why) {
        NioTcpMessageChannel channel = handler.getMessageChannel(socket);
        if (channel != null) {
            policy.slowReader().accept(channel, why);
        } else {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a slow connection", e);
            }
        }
    }

    /** The listening socket, bound with {@link #BACKLOG} and registered for accepts. */
    static ServerSocketChannel listen(InetAddress address, int port, Selector selector) throws IOException {
        ServerSocketChannel listening = ServerSocketChannel.open();
        listening.configureBlocking(false);
        listening.bind(new InetSocketAddress(address, port), BACKLOG);
        listening.register(selector, SelectionKey.OP_ACCEPT);
        return listening;
    }

    static Thread selectorThread(Runnable task, String transport, InetAddress address, int port) {
        Thread thread = new Thread(task, "SIP selector " + transport + " " + address.getHostAddress() + "/" + port);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void close() {
        policy.writers().remove(writer);
        writer.close();
    }
}
