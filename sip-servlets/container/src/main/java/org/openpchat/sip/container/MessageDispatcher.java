package org.openpchat.sip.container;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * JAIN-SIP's listener: finds the session and servlet of each message and hands it to the
 * servlet on a WorkManager thread, in order per Call-ID. In-dialog requests on unknown dialogs
 * get 481, initial requests no servlet takes get 404.
 */
final class MessageDispatcher implements SipListener {

    private static final Logger LOG = Logger.getLogger(MessageDispatcher.class.getName());

    private final SipContainer container;
    private final ServerTransactions transactions;

    MessageDispatcher(SipContainer container) {
        this.container = container;
        this.transactions = new ServerTransactions(container);
    }

    @Override
    public void processRequest(RequestEvent event) {
        handle(event, null);
    }

    /** A request the stack must not see (see {@link ServerTransactions}): answered statelessly. */
    boolean divertsCollision(SIPRequest request, MessageChannel channel) {
        return transactions.divertsCollision(request, channel,
                diverted -> handle(new RequestEvent(container.provider(), null, null, diverted),
                        ServerTransactions.Answering.STATELESSLY));
    }

    /** {@code answering} decided already, or null to find the request's server transaction. */
    private void handle(RequestEvent event, ServerTransactions.Answering answering) {
        Request request = event.getRequest();
        try {
            String method = request.getMethod();
            RequestScreen.Refusal refusal = RequestScreen.refusal(request);
            if (refusal != null) {
                if (!Request.ACK.equals(method)) {
                    container.respondStatelessly(request, refusal.status(), refusal.reason());
                }
                return;
            }
            String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
            String fromTag = ((FromHeader) request.getHeader(FromHeader.NAME)).getTag();
            String toTag = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
            if (Request.CANCEL.equals(method)) {
                cancel(event);
            } else if (toTag != null) {
                inDialog(event, answering, method, callId, toTag, fromTag);
            } else if (Request.ACK.equals(method)) {
                LOG.fine("ACK outside a dialog dropped");
            } else {
                initial(event, answering, method, callId);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not process " + request.getMethod(), e);
        }
    }

    private void inDialog(RequestEvent event, ServerTransactions.Answering decided, String method, String callId,
            String toTag, String fromTag) {
        Request request = event.getRequest();
        SipSessionImpl session = container.sessions().byDialog(callId, toTag, fromTag);
        Optional<ServletEndpoint> servlet = session == null ? Optional.empty()
                : container.servlets().byName(session.handler());
        if (servlet.isEmpty()) {
            if (!Request.ACK.equals(method)) {
                container.respondStatelessly(request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            }
            return;
        }
        Flow flow = container.flowOf(request);
        if (session.flow() != null && !session.flow().carries(flow)) {
            // a dialog the client opened belongs to its connection: another one may not speak in it
            if (!Request.ACK.equals(method)) {
                container.respondStatelessly(request, Response.FORBIDDEN);
            }
            LOG.fine(() -> method + " for dialog " + callId + " from " + flow + ", not its flow " + session.flow());
            return;
        }
        ServerTransaction transaction = null;
        if (!Request.ACK.equals(method)) {
            ServerTransactions.Answering answering = decided != null ? decided : transactions.of(event);
            if (answering == null) {
                return;
            }
            transaction = answering.transaction();
        }
        RequestImpl received = RequestImpl.received(container, request, flow, session, transaction,
                false);
        if (transaction != null) {
            transaction.setApplicationData(received);
        }
        container.deliver(callId, servlet.get(), received);
    }

    private void initial(RequestEvent event, ServerTransactions.Answering decided, String method, String callId) {
        Request request = event.getRequest();
        SipURI uri = request.getRequestURI() instanceof SipURI sip ? sip : null;
        Optional<ServletEndpoint> servlet = container.servlets().select(method, uri == null ? null : uri.getUser(),
                uri == null ? null : uri.getHost());
        if (servlet.isEmpty()) {
            container.respondStatelessly(request, Response.NOT_FOUND);
            return;
        }
        ServerTransactions.Answering answering = decided != null ? decided : transactions.of(event);
        if (answering == null) {
            return;
        }
        ServerTransaction transaction = answering.transaction();
        Flow flow = container.flowOf(request);
        SipSessionImpl session = SipSessionImpl.forIncoming(container, request, flow, servlet.get().name());
        RequestImpl received = RequestImpl.received(container, request, flow, session, transaction, true);
        if (transaction != null) {
            transaction.setApplicationData(received);
        }
        if (transaction != null && Request.INVITE.equals(method)) {
            try {
                transaction.sendResponse(container.messages().createResponse(Response.TRYING, request));
            } catch (Exception e) {
                LOG.log(Level.FINE, "could not send 100 Trying", e);
            }
        }
        container.deliver(callId, servlet.get(), received);
    }

    /** Answers the CANCEL, ends a pending INVITE with 487, and tells the servlet. */
    private void cancel(RequestEvent event) {
        Request cancel = event.getRequest();
        ServerTransactions.Answering answering = transactions.of(event);
        if (answering == null || answering.transaction() == null) {
            return;
        }
        ServerTransaction cancelTransaction = answering.transaction();
        var stack = (gov.nist.javax.sip.stack.SIPTransactionStack) container.stack();
        var invite = stack.findCancelTransaction((gov.nist.javax.sip.message.SIPRequest) cancel, true);
        Flow flow = container.flowOf(cancel);
        if (invite != null && invite.getApplicationData() instanceof RequestImpl pending && pending.flow != null
                && !pending.flow.carries(flow)) {
            invite = null; // only the INVITE's own connection may cancel it
        }
        try {
            if (invite == null) {
                cancelTransaction.sendResponse(container.messages().createResponse(481, cancel));
                return;
            }
            cancelTransaction.sendResponse(container.messages().createResponse(Response.OK, cancel));
        } catch (Exception e) {
            LOG.log(Level.FINE, "could not answer CANCEL", e);
            return;
        }
        if (invite.getApplicationData() instanceof RequestImpl inviteRequest && !inviteRequest.isCommitted()) {
            inviteRequest.createResponse(Response.REQUEST_TERMINATED).send();
            SipSessionImpl session = (SipSessionImpl) inviteRequest.getSession();
            RequestImpl received = RequestImpl.received(container, cancel, flow, session, null, false);
            received.finalResponseSent();
            container.servlets().byName(session.handler())
                    .ifPresent(servlet -> container.deliver(session.getCallId(), servlet, received));
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction == null || !(transaction.getApplicationData() instanceof RequestImpl request)) {
            return;
        }
        Response response = event.getResponse();
        SipSessionImpl session = (SipSessionImpl) request.getSession();
        session.received(response, request.getMethod());
        container.servlets().byName(session.handler()).filter(ServletEndpoint::hearsResponses).ifPresent(servlet -> {
            ResponseImpl received = new ResponseImpl(container, response, container.flowOf(response), session, request,
                    true);
            container.dispatcher().execute(session.getCallId(), () -> container.deliveries().response(servlet, received));
        });
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction == null || !(transaction.getApplicationData() instanceof RequestImpl request)) {
            return;
        }
        try {
            Response timeout = container.messages().createResponse(Response.REQUEST_TIMEOUT, request.jainRequest());
            SipSessionImpl session = (SipSessionImpl) request.getSession();
            session.received(timeout, request.getMethod());
            ResponseImpl received = new ResponseImpl(container, timeout, null, session, request, true);
            container.servlets().byName(session.handler()).filter(ServletEndpoint::hearsResponses)
                    .ifPresent(servlet -> container.dispatcher().execute(session.getCallId(),
                            () -> container.deliveries().response(servlet, received)));
        } catch (java.text.ParseException e) {
            LOG.log(Level.FINE, "could not report a timeout", e);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.fine(() -> "SIP I/O error towards " + event.getHost() + ":" + event.getPort() + "/" + event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // sessions outlive their transactions
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // dialogs are tracked by the container, not by JAIN-SIP
    }
}
