package org.openpchat.sip.container;

import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.NioTlsMessageChannel;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * An accepted TLS connection on JAIN-SIP's NIO transport that tells a peer why its handshake failed:
 * JAIN-SIP closes the connection on a failed handshake without the TLS alert the engine has ready
 * (protocol_version for a TLS 1.0 client, say), so the client saw only a closed socket. The alert
 * is written, best effort, before the connection closes.
 */
final class ContainerNioTlsChannel extends NioTlsMessageChannel {

    private static final Logger LOG = Logger.getLogger(ContainerNioTlsChannel.class.getName());
    private static final VarHandle STATE_MACHINE = field(NioTlsMessageChannel.class, "sslStateMachine");
    private static final VarHandle ENGINE = STATE_MACHINE == null ? null
            : field(STATE_MACHINE.varType(), "sslEngine");

    ContainerNioTlsChannel(NioTcpMessageProcessor processor, SocketChannel socket) throws IOException {
        super(processor, socket);
    }

    private static VarHandle field(Class<?> owner, String name) {
        try {
            Class<?> type = owner.getDeclaredField(name).getType();
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findVarHandle(owner, name, type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "JAIN-SIP's TLS engine cannot be reached: failed handshakes end without an alert", e);
            return null;
        }
    }

    @Override
    protected void addBytes(byte[] bytes) throws Exception {
        try {
            super.addBytes(bytes);
        } catch (SSLException failed) {
            LOG.info(() -> "TLS handshake with " + getPeerAddress() + ":" + getPeerPort() + " failed: " + failed.getMessage());
            sendAlert();
            throw failed;
        }
    }

    private void sendAlert() {
        if (ENGINE == null) {
            return;
        }
        try {
            SSLEngine engine = (SSLEngine) ENGINE.get(STATE_MACHINE.get(this));
            ByteBuffer alert = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.wrap(ByteBuffer.allocate(0), alert);
            alert.flip();
            getSocketChannel().write(alert);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "no TLS alert for " + getPeerAddress(), e);
        }
    }
}
