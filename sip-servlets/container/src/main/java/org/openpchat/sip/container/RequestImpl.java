package org.openpchat.sip.container;

import java.text.ParseException;
import java.util.Set;
import javax.sip.ServerTransaction;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.SipServletResponse;
import org.openpchat.sip.servlet.URI;

/**
 * A request: received (with its server transaction) or created here to be sent. A dialog's
 * request that changes nothing in the dialog (INFO, MESSAGE, NOTIFY) is created without its
 * JAIN-SIP form: if its servlet sets only its content, it leaves as its dialog's template
 * filled in ({@link #fromTemplate()}); anything else it is asked builds the form first.
 */
final class RequestImpl extends MessageImpl implements SipServletRequest {

    private static final Set<String> CHANGING_NO_DIALOG = Set.of(Request.INFO, Request.MESSAGE, Request.NOTIFY);

    private final ServerTransaction serverTransaction;
    private final boolean received;
    private final boolean initial;
    private volatile boolean answered;
    /** Of a request created without its JAIN-SIP form; null for the others. */
    private final String unbuiltMethod;
    private final long cseq;
    private byte[] content;
    private String contentType;

    private RequestImpl(SipContainer container, Request request, Flow flow, SipSessionImpl session,
            ServerTransaction serverTransaction, boolean received, boolean initial) {
        super(container, request, flow, session);
        this.serverTransaction = serverTransaction;
        this.received = received;
        this.initial = initial;
        this.unbuiltMethod = null;
        this.cseq = 0;
    }

    private RequestImpl(SipContainer container, SipSessionImpl session, String method, long cseq) {
        super(container, null, session.flow(), session);
        this.serverTransaction = null;
        this.received = false;
        this.initial = false;
        this.unbuiltMethod = method;
        this.cseq = cseq;
    }

    /** True for the methods whose requests change no dialog state: their answers matter to nobody but the servlet. */
    static boolean changesNoDialog(String method) {
        return CHANGING_NO_DIALOG.contains(method);
    }

    /** A request of {@code session}'s dialog, built from the dialog's state only when something needs its JAIN-SIP form. */
    static RequestImpl inDialog(SipContainer container, SipSessionImpl session, String method, long cseq) {
        return new RequestImpl(container, session, method, cseq);
    }

    @Override
    Message buildMessage() {
        if (unbuiltMethod == null) {
            return super.buildMessage();
        }
        Request request = session.build(unbuiltMethod, cseq);
        if (content != null) {
            try {
                request.setContent(content, contentTypeHeader(container, contentType));
            } catch (ParseException e) {
                throw new IllegalArgumentException("bad content type: " + contentType, e);
            }
        }
        return request;
    }

    @Override
    public void setContent(byte[] content, String contentType) {
        if (unbuiltMethod != null && unbuilt() && content != null) {
            session.template(unbuiltMethod, contentType); // refuses a bad content type now, as building would
            this.content = content;
            this.contentType = contentType;
        } else {
            super.setContent(content, contentType);
        }
    }

    /**
     * The request's bytes from its dialog's template, or null if it needs its JAIN-SIP form: it
     * was built (its servlet asked more of it than its content), has no content, or its dialog
     * has no template. For requests whose answers nobody reads: the branch says so ({@link UnreadAnswers}).
     */
    byte[] fromTemplate() {
        if (unbuiltMethod == null || !unbuilt() || content == null) {
            return null;
        }
        DialogRequestTemplate template = session.template(unbuiltMethod, contentType);
        return template == null ? null : template.encode(UnreadAnswers.newBranch(), cseq, content);
    }

    static RequestImpl received(SipContainer container, Request request, Flow flow, SipSessionImpl session,
            ServerTransaction transaction, boolean initial) {
        return new RequestImpl(container, request, flow, session, transaction, true, initial);
    }

    static RequestImpl outgoing(SipContainer container, Request request, SipSessionImpl session, boolean initial) {
        return new RequestImpl(container, request, session.flow(), session, null, false, initial);
    }

    Request jainRequest() {
        return (Request) jainMessage();
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
        return unbuiltMethod != null ? unbuiltMethod : jainRequest().getMethod();
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
        MaxForwardsHeader header = (MaxForwardsHeader) jainMessage().getHeader(MaxForwardsHeader.NAME);
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
