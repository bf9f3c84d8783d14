package org.openpchat.sip.container;

import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/** The container's TCP listener: JAIN-SIP's NIO one with {@link NioListening}'s additions. */
final class ContainerNioTcpProcessor extends NioTcpMessageProcessor {

    private final NioListening listening;

    ContainerNioTcpProcessor(InetAddress address, SIPTransactionStack stack, int port) throws IOException {
        super(address, stack, port);
        listening = new NioListening(this, stack, "tcp", port);
        nioHandler = listening.handler();
    }

    @Override
    public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
            throws IOException {
        return listening.admit(client) ? listening.framed(super.createMessageChannel(processor, client)) : null;
    }

    ContainerNioHandler handler() {
        return listening.handler();
    }

    @Override
    public void send(SocketChannel socket, byte[] data) throws IOException {
        listening.writer().send(socket, data);
    }

    @Override
    public void start() throws IOException {
        selector = Selector.open();
        channel = NioListening.listen(getIpAddress(), getPort(), selector);
        selectorThread = NioListening.selectorThread(createProcessorTask(), getTransport(), getIpAddress(), getPort());
    }

    @Override
    public void stop() {
        super.stop();
        listening.close();
    }
}
