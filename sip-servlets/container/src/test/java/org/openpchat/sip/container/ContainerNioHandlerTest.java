package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.nist.javax.sip.ListeningPointImpl;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.SipStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The container's NIO connection table in a real JAIN-SIP stack, on real sockets: an answer goes
 * over the connection its request came on, and once that has closed the answer fails at once
 * instead of dialling the client's port.
 */
class ContainerNioHandlerTest {

    private static final String OPTIONS = "OPTIONS sip:pchat@example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP 127.0.0.1:5099;branch=z9hG4bK-test\r\n"
            + "From: <sip:alice@example.com>;tag=1\r\nTo: <sip:pchat@example.com>\r\n"
            + "Call-ID: handler-test\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";

    private final InetAddress loopback = InetAddress.getLoopbackAddress();
    private SipStack stack;
    private ContainerNioTcpProcessor processor;
    private ServerSocketChannel listener;

    @BeforeEach
    void createStack() throws Exception {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "nio-handler-test");
        properties.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", ContainerMessageProcessorFactory.class.getName());
        stack = factory.createSipStack(properties);
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, loopback)) {
            port = free.getLocalPort();
        }
        ListeningPoint point = stack.createListeningPoint(loopback.getHostAddress(), port, "tcp");
        MessageProcessor made = ((ListeningPointImpl) point).getMessageProcessor();
        assertThat(made).as("the container's TCP listener").isInstanceOf(ContainerNioTcpProcessor.class);
        processor = (ContainerNioTcpProcessor) made;
        listener = ServerSocketChannel.open().bind(new InetSocketAddress(loopback, 0));
    }

    @AfterEach
    void stopStack() throws IOException {
        listener.close();
        stack.stop();
    }

    /** A connection as the processor would have accepted it, and its client's end. */
    private record Accepted(Socket client, NioTcpMessageChannel channel) {
    }

    private Accepted accept() throws IOException {
        Socket client = new Socket(loopback, listener.socket().getLocalPort());
        SocketChannel accepted = listener.accept();
        accepted.configureBlocking(false);
        return new Accepted(client, processor.createMessageChannel(processor, accepted));
    }

    private static SIPResponse answer() throws Exception {
        SIPRequest request = (SIPRequest) new StringMsgParser().parseSIPMessage(
                OPTIONS.getBytes(StandardCharsets.US_ASCII), true, false, null);
        return request.createResponse(200);
    }

    @Test
    void anAnswerGoesOverItsOwnConnection() throws Exception {
        Accepted connection = accept();
        try (Socket client = connection.client()) {
            connection.channel().sendMessage(answer());

            client.setSoTimeout(5000);
            InputStream in = client.getInputStream();
            assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("SIP/2.0 200 ");
            assertThat(processor.handler().getCurrentChannelSize()).isEqualTo(1);
        }
    }

    @Test
    void anAnswerWhoseConnectionHasClosedFailsWithoutDiallingTheClient() throws Exception {
        Accepted connection = accept();
        int clientPort = connection.client().getLocalPort();
        connection.channel().sendMessage(answer()); // files the connection under the client's address and port
        connection.client().close();
        connection.channel().close();
        assertThat(processor.handler().getCurrentChannelSize()).isZero();

        try (ServerSocket client = new ServerSocket()) { // where the client was: would accept, were it dialled
            client.setReuseAddress(true);
            client.bind(new InetSocketAddress(loopback, clientPort));
            client.setSoTimeout(500);
            assertThatThrownBy(() -> connection.channel().sendMessage(answer())).isInstanceOf(IOException.class)
                    .hasMessageContaining("has closed");
            assertThatThrownBy(client::accept).as("a connection to the client's port")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void aSendWhoseSocketTheTableLostGoesOverItsOwnConnection() throws Exception {
        Accepted connection = accept();
        try (Socket client = connection.client()) {
            connection.channel().sendMessage(answer());
            processor.handler().removeSocket(connection.channel().getSocketChannel()); // the table forgets it

            connection.channel().sendMessage(answer());

            client.setSoTimeout(5000);
            String both = new String(client.getInputStream().readNBytes(2 * answer().encodeAsBytes("TCP").length),
                    StandardCharsets.US_ASCII);
            assertThat(both.split("SIP/2.0 200 ", -1)).as("two answers on the client's own connection").hasSize(3);
        }
    }
}
