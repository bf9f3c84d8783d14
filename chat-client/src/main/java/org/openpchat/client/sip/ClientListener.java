package org.openpchat.client.sip;

import java.util.function.Consumer;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The client's JAIN-SIP listener. Responses go to {@link PendingRequests} whether or not they
 * belong to a client transaction (responses to branch-less requests arrive as "stray" responses
 * without one); requests go to {@link ServerSide}.
 */
final class ClientListener implements SipListener {

    private final PendingRequests pending;
    private final ServerSide serverSide;
    private final Consumer<Response> strayInvite2xx;

    ClientListener(PendingRequests pending, ServerSide serverSide, Consumer<Response> strayInvite2xx) {
        this.pending = pending;
        this.serverSide = serverSide;
        this.strayInvite2xx = strayInvite2xx;
    }

    @Override
    public void processRequest(RequestEvent event) {
        serverSide.handle(event);
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response r = event.getResponse();
        if (!pending.onResponse(r) && r.getStatusCode() / 100 == 2
                && Request.INVITE.equals(((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getMethod())) {
            strayInvite2xx.accept(r); // UDP retransmission of a 2xx: ACK again
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.getClientTransaction() != null) {
            Request r = event.getClientTransaction().getRequest();
            pending.fail(Messages.key(r), new SipTimeoutException(r.getMethod() + " timed out in the SIP stack"));
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        // the waiting caller times out
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing kept per transaction
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // no JAIN-SIP dialogs (automatic dialog support is off)
    }
}
