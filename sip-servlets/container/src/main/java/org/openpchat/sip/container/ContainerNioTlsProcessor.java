package org.openpchat.sip.container;

import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.NioTlsMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/** The container's TLS listener: JAIN-SIP's NIO one with {@link NioListening}'s additions. */
final class ContainerNioTlsProcessor extends NioTlsMessageProcessor {

    private final NioListening listening;

    ContainerNioTlsProcessor(InetAddress address, SIPTransactionStack stack, int port) throws IOException {
        super(address, stack, port);
        listening = new NioListening(this, stack, "tls", port);
        nioHandler = listening.handler();
    }

    @Override
    public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
            throws IOException {
        if (!listening.admit(client)) {
            return null;
        }
        NioTcpMessageChannel channel = nioHandler.getMessageChannel(client);
        if (channel == null) {
            channel = listening.framed(new ContainerNioTlsChannel(processor, client));
            nioHandler.putMessageChannel(client, channel);
        }
        return channel;
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
