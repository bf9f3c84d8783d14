package org.openpchat.sip.container;

import java.text.ParseException;
import javax.sip.ServerTransaction;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.SipServletResponse;
import org.openpchat.sip.servlet.URI;

/** A request: received (with its server transaction) or created here to be sent. */
final class RequestImpl extends MessageImpl implements SipServletRequest {

    private final ServerTransaction serverTransaction;
    private final boolean received;
    private final boolean initial;
    private volatile boolean answered;

    private RequestImpl(SipContainer container, Request request, Flow flow, SipSessionImpl session,
            ServerTransaction serverTransaction, boolean received, boolean initial) {
        super(container, request, flow, session);
        this.serverTransaction = serverTransaction;
        this.received = received;
        this.initial = initial;
    }

    static RequestImpl received(SipContainer container, Request request, Flow flow, SipSessionImpl session,
            ServerTransaction transaction, boolean initial) {
        return new RequestImpl(container, request, flow, session, transaction, true, initial);
    }

    static RequestImpl outgoing(SipContainer container, Request request, SipSessionImpl session, boolean initial) {
        return new RequestImpl(container, request, session.flow(), session, null, false, initial);
    }

    Request jainRequest() {
        return (Request) message;
    }

    ServerTransaction serverTransaction() {
        return serverTransaction;
    }

    boolean isReceived() {
        return received;
    }

    @Override
    void transmit() {
        container.sendRequest(this);
    }

    @Override
    public void send() {
        if (received) {
            throw new IllegalStateException("a received request cannot be sent; answer it with createResponse");
        }
        super.send();
    }

    /** Called when a final response to this received request is sent (it may still be held). */
    void finalResponseSent() {
        markCommitted();
    }

    /** Called when a final response to this received request has been put on the wire. */
    void answered() {
        answered = true;
    }

    /** Whether a final response to this received request has left (not just been sent and held). */
    boolean isAnswered() {
        return answered;
    }

    @Override
    public String getMethod() {
        return jainRequest().getMethod();
    }

    @Override
    public URI getRequestURI() {
        return new UriImpl(jainRequest().getRequestURI());
    }

    @Override
    public boolean isInitial() {
        return initial;
    }

    @Override
    public int getMaxForwards() {
        MaxForwardsHeader header = (MaxForwardsHeader) message.getHeader(MaxForwardsHeader.NAME);
        return header == null ? -1 : header.getMaxForwards();
    }

    @Override
    public SipServletResponse createResponse(int statusCode) {
        return createResponse(statusCode, null);
    }

    @Override
    public SipServletResponse createResponse(int statusCode, String reasonPhrase) {
        if (!received) {
            throw new IllegalStateException("responses are created for received requests");
        }
        try {
            Response response = container.messages().createResponse(statusCode, jainRequest());
            if (reasonPhrase != null) {
                response.setReasonPhrase(reasonPhrase);
            }
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (statusCode > 100 && to.getTag() == null && session.localTag() != null) {
                to.setTag(session.localTag());
            }
            return new ResponseImpl(container, response, flow, session, this, false);
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot create a " + statusCode + " response", e);
        }
    }
}
