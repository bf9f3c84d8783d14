package org.openpchat.sip.container;

import javax.sip.message.Response;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.SipServletResponse;

/** A response: created here for a received request, or received for a request sent from here. */
final class ResponseImpl extends MessageImpl implements SipServletResponse {

    private final RequestImpl request;
    private final boolean received;

    ResponseImpl(SipContainer container, Response response, Flow flow, SipSessionImpl session, RequestImpl request,
            boolean received) {
        super(container, response, flow, session);
        this.request = request;
        this.received = received;
    }

    Response jainResponse() {
        return (Response) jainMessage();
    }

    RequestImpl request() {
        return request;
    }

    @Override
    void transmit() {
        container.sendResponse(this);
        if (getStatus() >= 200 && request != null) {
            request.answered();
        }
    }

    @Override
    public void send() {
        if (received) {
            throw new IllegalStateException("a received response cannot be sent");
        }
        if (getStatus() >= 200) {
            request.finalResponseSent();
        }
        super.send();
    }

    @Override
    public String getMethod() {
        return request.getMethod();
    }

    @Override
    public int getStatus() {
        return jainResponse().getStatusCode();
    }

    @Override
    public String getReasonPhrase() {
        return jainResponse().getReasonPhrase();
    }

    @Override
    public SipServletRequest getRequest() {
        return request;
    }

    @Override
    public SipServletRequest createAck() {
        if (!received || !"INVITE".equals(getMethod()) || getStatus() < 200 || getStatus() >= 300) {
            throw new IllegalStateException("an ACK is created for a received 2xx response to an INVITE");
        }
        return session.createAck(request);
    }
}
