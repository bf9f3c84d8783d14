package org.openpchat.sip.container;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Gives each incoming request its server transaction. JAIN-SIP keys its transactions on the Via
 * branch alone: a request whose branch another client's transaction holds is taken for a
 * retransmission and never reaches the container. RFC 3261 §17.2.3 also matches on the Via
 * sent-by, and the connection tells clients apart too. Stock SIPE seeds its random numbers with
 * the time in seconds, so clients started in the same second send the same branches; such a
 * request is taken out of the stack's hands before its lookup ({@link #divertsCollision}) and
 * answered statelessly. The first client to send a branch claims it ({@link BranchClaims}), so
 * of two such requests arriving together on different threads one is diverted, never both kept.
 */
final class ServerTransactions {

    private static final Logger LOG = Logger.getLogger(ServerTransactions.class.getName());
    private static final String MAGIC_COOKIE = "z9hg4bk";

    /** How to answer a request: in {@code transaction}, or statelessly when it is null. */
    record Answering(ServerTransaction transaction) {

        static final Answering STATELESSLY = new Answering(null);
    }

    /** Enough for the branches of about 3,000 requests a second. */
    private static final int CLAIMS = 100_000;

    private final SipContainer container;
    private final BranchClaims claims = new BranchClaims(CLAIMS, System::nanoTime);

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
            return new Answering(newTransaction(request));
        } catch (TransactionAlreadyExistsException e) {
            // another client's request may have taken the branch since the valve looked
            SIPServerTransaction holder = holderOf(((SIPRequest) request).getTransactionId());
            return holder != null && !sameClient(holder, (SIPRequest) request) ? Answering.STATELESSLY : null;
        } catch (SipException e) {
            // JAIN-SIP refuses a transaction to a request without what RFC 3261 requires of it
            // (Max-Forwards, an INVITE's Contact): 400 with its reason, not silence
            LOG.log(Level.FINE, "no server transaction for " + request.getMethod(), e);
            container.respondStatelessly(request, Response.BAD_REQUEST, "Bad Request (" + e.getMessage() + ")");
            return null;
        }
    }

    /** A new server transaction; once more if the one that held the branch ended meanwhile. */
    private ServerTransaction newTransaction(Request request) throws SipException {
        try {
            return container.provider().getNewServerTransaction(request);
        } catch (TransactionAlreadyExistsException e) {
            if (holderOf(((SIPRequest) request).getTransactionId()) != null) {
                throw e;
            }
            return container.provider().getNewServerTransaction(request);
        }
    }

    private SIPServerTransaction holderOf(String key) {
        SIPTransactionStack stack = (SIPTransactionStack) container.stack();
        SIPServerTransaction mapped = (SIPServerTransaction) stack.findTransaction(key, true);
        return mapped != null ? mapped : stack.findPendingTransaction(key);
    }

    /**
     * True if another client sent the request's branch first, or its transaction holds it: the
     * request is then handed to {@code divert} and the stack must drop it.
     */
    boolean divertsCollision(SIPRequest request, MessageChannel channel, Consumer<Request> divert) {
        String method = request.getMethod();
        String key = request.getTransactionId();
        if (Request.ACK.equals(method) || Request.CANCEL.equals(method) || key == null
                || !key.toLowerCase(Locale.ROOT).startsWith(MAGIC_COOKIE)) {
            return false;
        }
        String sentBy = request.getTopmostVia().getSentBy().encode();
        if (claims.claim(key, sentBy, container.flowOf(request))) {
            SIPServerTransaction existing = holderOf(key);
            if (existing == null || sameClient(existing, request)) {
                return false;
            }
        }
        LOG.fine(() -> method + " from " + sentBy + " reuses the branch of another client's request: answered outside a transaction");
        divert.accept(request);
        return true;
    }

    private boolean sameClient(SIPServerTransaction existing, SIPRequest request) {
        SIPRequest original = existing.getOriginalRequest();
        if (original == null) {
            return true;
        }
        return original.getTopmostVia().getSentBy().equals(request.getTopmostVia().getSentBy())
                && container.flowOf(original).carries(container.flowOf(request));
    }
}
