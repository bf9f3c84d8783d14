package org.openpchat.sip.container;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.SIPTransaction;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.Socket;
import java.text.ParseException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Sends what servlets send, each message after the earlier ones to its connection
 * ({@link ConnectionWriters}). A request that changes no dialog (INFO, MESSAGE, NOTIFY) whose
 * servlet does nothing with responses, going to a TCP or TLS connection, is encoded and written
 * to that connection's socket without a client transaction: on a reliable transport the
 * transaction would only wait for a response nobody reads (a chat post fanned out to 150
 * members would be 150 transactions with their timers). Its response is dropped when it
 * arrives. Nothing goes to a connection that has closed, never over a new connection to the
 * client's port: a client reaches us, we do not reach it.
 */
final class MessageSender {

    private static final Logger LOG = Logger.getLogger(MessageSender.class.getName());

    private final SipContainer container;
    private final ConnectionWriters writers;
    private final Connections connections;

    MessageSender(SipContainer container, ConnectionWriters writers, Connections connections) {
        this.container = container;
        this.writers = writers;
        this.connections = connections;
    }

    void sendRequest(RequestImpl request) {
        writers.write(request.flow, () -> write(request));
    }

    private void write(RequestImpl request) {
        if (connectionClosed(request.flow)) {
            container.deliveries().failed(request, new IOException("connection #" + request.flow.connection() + " has closed"));
            return;
        }
        try {
            if (Request.ACK.equals(request.getMethod())) {
                container.provider().sendRequest(request.jainRequest());
            } else if (answerGoesUnread(request)) {
                writeToConnection(request);
            } else {
                ClientTransaction transaction = container.provider().getNewClientTransaction(request.jainRequest());
                transaction.setApplicationData(request);
                transaction.sendRequest();
            }
        } catch (SipException e) {
            LOG.log(Level.WARNING, "could not send " + request.getMethod() + " on " + request.getCallId(), e);
            container.deliveries().failed(request, e);
        }
    }

    private boolean answerGoesUnread(RequestImpl request) {
        Flow flow = request.flow;
        return flow != null && flow.connection() != 0 && ChannelSockets.available()
                && RequestImpl.changesNoDialog(request.getMethod())
                && !container.servlets().byName(((SipSessionImpl) request.getSession()).handler())
                        .map(ServletEndpoint::hearsResponses).orElse(true);
    }

    /**
     * True if the flow is a connection that has closed: JAIN-SIP would open a new one to the
     * client's port to send, and clients (behind NAT, or SIPE) take no connections. What was for
     * it is dropped, and the connection is cut, which ends its dialogs.
     */
    private boolean connectionClosed(Flow flow) {
        if (flow == null || flow.connection() == 0 || !ChannelSockets.available()) {
            return false;
        }
        if (openSocket(flow.connection()) != null) {
            return false;
        }
        writers.failed(flow.connection(), Level.FINE, "it has closed");
        return true;
    }

    /** The socket of connection number {@code connection}; null once it has closed. */
    private Socket openSocket(long connection) {
        MessageChannel channel = connections.channel(connection);
        Socket socket = channel == null ? null : ChannelSockets.of(channel);
        return socket == null || socket.isClosed() ? null : socket;
    }

    private void writeToConnection(RequestImpl request) {
        long connection = request.flow.connection();
        Socket socket = openSocket(connection);
        MessageChannel channel = socket == null ? null : connections.channel(connection);
        if (channel == null) { // closed since connectionClosed looked
            container.deliveries().failed(request, new IOException("connection #" + connection + " has closed"));
            writers.failed(connection, Level.FINE, "it has closed");
            return;
        }
        try { // queued on the connection, never blocking (NonBlockingWriter)
            byte[] bytes = request.fromTemplate();
            if (bytes != null && channel instanceof NioTcpMessageChannel stream) { // TCP, and TLS which encrypts
                stream.sendMessage(bytes, socket.getInetAddress(), socket.getPort(), true);
                JulServerLogger.sent(bytes, request.flow);
            } else {
                SIPMessage message = (SIPMessage) request.jainRequest();
                channel.sendMessage(message);
                JulServerLogger.sent(message, request.flow);
            }
        } catch (IOException e) {
            container.deliveries().failed(request, e);
            writers.failed(connection, Level.INFO, "writing to it failed (" + e.getMessage() + ")");
        }
    }

    void sendResponse(ResponseImpl response) {
        writers.write(response.request().flow, () -> write(response));
    }

    private void write(ResponseImpl response) {
        RequestImpl request = response.request();
        Response jain = response.jainResponse();
        if (connectionClosed(request.flow)) {
            LOG.fine(() -> "no " + jain.getStatusCode() + " for " + request.getCallId() + ": its connection has closed");
            return;
        }
        try {
            int status = jain.getStatusCode();
            ServerTransaction transaction = request.serverTransaction();
            if (transaction != null && (status == 401 || status == 407)) {
                // a client resends a challenged request with the same branch and CSeq: that is a
                // new transaction, not a retransmission of this one. The transaction ends before
                // the challenge leaves: ended later, JAIN-SIP (which files transactions by branch)
                // would take out the resend's transaction, or another client's with that branch.
                transaction.terminate();
                ((SIPTransactionStack) container.stack()).removeTransaction((SIPTransaction) transaction);
                container.provider().sendResponse(jain);
            } else if (transaction != null) {
                transaction.sendResponse(jain);
            } else {
                container.provider().sendResponse(jain);
            }
        } catch (SipException | InvalidArgumentException e) {
            // typically the client closed its connection right after its request (SIPE after BYE)
            LOG.log(Level.INFO, "could not send " + jain.getStatusCode() + " for " + request.getCallId() + ": " + e);
            LOG.log(Level.FINE, "send failure", e);
        }
    }

    /** Answers without a transaction, with a reason phrase of one line (null: the status's own). */
    void respondStatelessly(Request request, int status, String reason, String tag) {
        try {
            Response response = container.messages().createResponse(status, request);
            if (reason != null) {
                response.setReasonPhrase(reason.replaceAll("[\\r\\n]+", " "));
            }
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (to.getTag() == null) {
                to.setTag(tag);
            }
            container.provider().sendResponse(response);
        } catch (ParseException | SipException e) {
            LOG.log(Level.FINE, "could not answer " + status, e);
        }
    }
}
