package org.openpchat.sip.container;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.message.Request;

/**
 * Gives each incoming request its server transaction. JAIN-SIP keys its transaction table on the
 * Via branch alone, and refuses a second transaction for a branch it holds; RFC 3261 §17.2.3 also
 * matches on the Via sent-by. Stock SIPE seeds its random numbers with the time in seconds, so
 * clients started in the same second send the same branches: a request whose branch is held by
 * another client's transaction (another sent-by, or another connection) is no retransmission and
 * is answered statelessly instead of being dropped.
 */
final class ServerTransactions {

    private static final Logger LOG = Logger.getLogger(ServerTransactions.class.getName());

    /** How to answer a request: in {@code transaction}, or statelessly when it is null. */
    record Answering(ServerTransaction transaction) {

        static final Answering STATELESSLY = new Answering(null);
    }

    private final SipContainer container;

    ServerTransactions(SipContainer container) {
        this.container = container;
    }

    /** How to answer the request, or null for a retransmission the stack already handles. */
    Answering of(RequestEvent event) {
        if (event.getServerTransaction() != null) {
            return new Answering(event.getServerTransaction());
        }
        Request request = event.getRequest();
        try {
            return new Answering(container.provider().getNewServerTransaction(request));
        } catch (TransactionAlreadyExistsException e) {
            return isRetransmission(request) ? null : Answering.STATELESSLY;
        } catch (SipException e) {
            LOG.log(Level.FINE, "no server transaction for " + request.getMethod(), e);
            return null;
        }
    }

    private boolean isRetransmission(Request request) {
        SIPRequest received = (SIPRequest) request;
        var existing = ((SIPTransactionStack) container.stack()).findTransaction(received, true);
        if (!(existing instanceof SIPServerTransaction transaction) || !transaction.isMessagePartOfTransaction(received)) {
            return false;
        }
        SIPRequest original = transaction.getOriginalRequest();
        return original == null || container.flowOf(original).carries(container.flowOf(received));
    }
}
