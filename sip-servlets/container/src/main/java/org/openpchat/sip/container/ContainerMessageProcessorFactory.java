package org.openpchat.sip.container;

import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import javax.sip.ListeningPoint;

/**
 * The container's listeners (gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY): TCP and TLS on
 * JAIN-SIP's NIO transport with the container's additions, so that a connection costs no thread
 * of its own; UDP as JAIN-SIP makes it.
 */
public class ContainerMessageProcessorFactory implements MessageProcessorFactory {

    private final MessageProcessorFactory datagrams = new OIOMessageProcessorFactory();

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port,
            String transport) throws IOException {
        if (ListeningPoint.TCP.equalsIgnoreCase(transport)) {
            return new ContainerNioTcpProcessor(address, stack, port);
        }
        if (ListeningPoint.TLS.equalsIgnoreCase(transport)) {
            return new ContainerNioTlsProcessor(address, stack, port);
        }
        return datagrams.createMessageProcessor(stack, address, port, transport);
    }
}
