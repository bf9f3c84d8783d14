package org.openpchat.sip.container;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.InvalidArgumentException;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.openpchat.sip.servlet.Address;
import org.openpchat.sip.servlet.SipApplicationSession;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.SipSession;

/**
 * A SIP session: the dialog state (Call-ID, tags, remote target, route set, CSeq) plus the
 * flow it runs over and the servlet that handles it. Follows RFC 3261 §12 for the UAS and UAC
 * sides; requests without a Via branch are matched by Call-ID and tags alone.
 */
final class SipSessionImpl implements SipSession {

    private final String id = UUID.randomUUID().toString();
    private final SipContainer container;
    private final ApplicationSessionImpl applicationSession;
    private final String callId;
    private final String localTag;
    private final javax.sip.address.Address localParty;
    private final javax.sip.address.Address remoteParty;
    private final AtomicLong localCSeq = new AtomicLong();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private volatile String remoteTag;
    private volatile URI remoteTarget;
    private volatile List<javax.sip.address.Address> routeSet = List.of();
    private volatile Flow flow;
    private volatile String handler;
    private volatile State state = State.INITIAL;
    private volatile boolean valid = true;
    private volatile OwnContact contact;

    private volatile Template template;

    /** The last template made, with what it was made from: a change to any of them makes a new one. */
    private record Template(String method, String contentType, Flow flow, URI remoteTarget,
            List<javax.sip.address.Address> routeSet, String remoteTag, DialogRequestTemplate template) {
    }

    /** This side's Contact for a flow, made once: each request of the dialog carries a copy. */
    private record OwnContact(Flow flow, ContactHeader header) {
    }

    private SipSessionImpl(SipContainer container, ApplicationSessionImpl applicationSession, String callId,
            javax.sip.address.Address localParty, javax.sip.address.Address remoteParty, String remoteTag,
            URI remoteTarget, Flow flow, String handler) {
        this.container = container;
        this.applicationSession = applicationSession;
        this.callId = callId;
        this.localTag = container.newTag();
        this.localParty = localParty;
        this.remoteParty = remoteParty;
        this.remoteTag = remoteTag;
        this.remoteTarget = remoteTarget;
        this.flow = flow;
        this.handler = handler;
        applicationSession.add(this);
    }

    /** The UAS side of a request that arrived outside any dialog. */
    static SipSessionImpl forIncoming(SipContainer container, Request request, Flow flow, String handler) {
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        SipSessionImpl session = new SipSessionImpl(container, new ApplicationSessionImpl(container),
                ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId(), to.getAddress(), from.getAddress(),
                from.getTag(), contact != null ? contact.getAddress().getURI() : from.getAddress().getURI(), flow,
                handler);
        List<javax.sip.address.Address> routes = new ArrayList<>();
        for (ListIterator<?> it = request.getHeaders(RecordRouteHeader.NAME); it.hasNext(); ) {
            routes.add(((RecordRouteHeader) it.next()).getAddress());
        }
        session.routeSet = List.copyOf(routes);
        return session;
    }

    /** The UAC side of a request created by the application. */
    static SipSessionImpl forOutgoing(SipContainer container, ApplicationSessionImpl applicationSession,
            javax.sip.address.Address from, javax.sip.address.Address to, String handler) {
        return new SipSessionImpl(container, applicationSession, container.provider().getNewCallId().getCallId(),
                from, to, null, to.getURI(), null, handler);
    }

    String dialogKey() {
        return dialogKey(callId, localTag, remoteTag);
    }

    static String dialogKey(String callId, String localTag, String remoteTag) {
        return callId + "|" + localTag + "|" + remoteTag;
    }

    String localTag() {
        return localTag;
    }

    Flow flow() {
        return flow;
    }

    String handler() {
        return handler;
    }

    void handledBy(String servletName) {
        if (handler == null) {
            handler = servletName;
        }
    }

    /** The UAS sent a response to the request that created the session. */
    void responded(Response response, String method) {
        int status = response.getStatusCode();
        boolean createsDialog = "INVITE".equals(method) || "SUBSCRIBE".equals(method);
        if (createsDialog && status > 100 && status < 300 && state != State.CONFIRMED) {
            state = status < 200 ? State.EARLY : State.CONFIRMED;
            container.sessions().registerDialog(this);
        } else if ("INVITE".equals(method) && status >= 300 && state != State.CONFIRMED) {
            terminate();
        } else if ("BYE".equals(method) && status >= 200 && status < 300) {
            terminate();
        }
    }

    /** The UAC received a response to a request it sent on this session. */
    void received(Response response, String method) {
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        int status = response.getStatusCode();
        boolean createsDialog = "INVITE".equals(method) || "SUBSCRIBE".equals(method);
        if (createsDialog && remoteTag == null && to.getTag() != null && status > 100 && status < 300) {
            remoteTag = to.getTag();
            ContactHeader contact = (ContactHeader) response.getHeader(ContactHeader.NAME);
            if (contact != null) {
                remoteTarget = contact.getAddress().getURI();
            }
            List<javax.sip.address.Address> routes = new ArrayList<>();
            for (ListIterator<?> it = response.getHeaders(RecordRouteHeader.NAME); it.hasNext(); ) {
                routes.add(0, ((RecordRouteHeader) it.next()).getAddress());
            }
            routeSet = List.copyOf(routes);
            state = status < 200 ? State.EARLY : State.CONFIRMED;
            container.sessions().registerDialog(this);
        } else if (createsDialog && status >= 300 && state != State.CONFIRMED) {
            terminate();
        } else if ("BYE".equals(method) && status >= 200) {
            terminate();
        }
    }

    /** A BYE arrived and was answered, or the dialog failed. */
    void terminate() {
        state = State.TERMINATED;
        invalidate();
    }

    @Override
    public SipServletRequest createRequest(String method) {
        if (!valid || state == State.TERMINATED) {
            throw new IllegalStateException("session " + id + " has ended");
        }
        long cseq = localCSeq.incrementAndGet();
        return RequestImpl.changesNoDialog(method) ? RequestImpl.inDialog(container, this, method, cseq)
                : RequestImpl.outgoing(container, build(method, cseq), this, false);
    }

    SipServletRequest createAck(RequestImpl invite) {
        long cseq = ((CSeqHeader) invite.jainMessage().getHeader(CSeqHeader.NAME)).getSeqNumber();
        return RequestImpl.outgoing(container, build(Request.ACK, cseq), this, false);
    }

    /** The initial request of a UAC session (no remote tag yet). */
    RequestImpl createInitialRequest(String method) {
        return RequestImpl.outgoing(container, build(method, localCSeq.incrementAndGet()), this, true);
    }

    Request build(String method, long cseq) {
        try {
            var headers = container.headers();
            FromHeader from = headers.createFromHeader(localParty, localTag);
            ToHeader to = headers.createToHeader(remoteParty, remoteTag);
            Request request = container.messages().createRequest(remoteTarget, method,
                    headers.createCallIdHeader(callId), headers.createCSeqHeader(cseq, method), from, to,
                    new ArrayList<>(List.of(container.newVia(flow))), headers.createMaxForwardsHeader(70));
            for (javax.sip.address.Address route : routeSet) {
                request.addHeader(headers.createRouteHeader(route));
            }
            if (!Request.ACK.equals(method) && !Request.BYE.equals(method)) {
                request.setHeader(contact());
            }
            return request;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot build " + method + " for session " + id, e);
        }
    }

    /**
     * The template of this dialog's {@code method} requests with {@code contentType} content over
     * its flow, made once while the dialog's route stays as it is; null if the flow is no
     * connection or the encoding did not fit a template. Throws IllegalArgumentException for a
     * content type that is none.
     */
    DialogRequestTemplate template(String method, String contentType) {
        Template cached = template;
        if (cached != null && cached.method().equals(method) && cached.contentType().equals(contentType)
                && cached.flow() == flow && cached.remoteTarget() == remoteTarget && cached.routeSet() == routeSet
                && cached.remoteTag() == remoteTag) {
            return cached.template();
        }
        Flow current = flow;
        URI target = remoteTarget;
        List<javax.sip.address.Address> routes = routeSet;
        String tag = remoteTag;
        Request prototype = build(method, DialogRequestTemplate.PROTOTYPE_CSEQ);
        try {
            prototype.setHeader(MessageImpl.contentTypeHeader(container, contentType));
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("bad content type: " + contentType, e);
        }
        DialogRequestTemplate made = current == null || current.connection() == 0 ? null
                : DialogRequestTemplate.of(prototype, current.transport());
        template = new Template(method, contentType, current, target, routes, tag, made);
        return made;
    }

    private ContactHeader contact() {
        OwnContact own = contact;
        Flow current = flow;
        if (own == null || !java.util.Objects.equals(own.flow(), current)) {
            own = new OwnContact(current, container.contactFor(current, localParty));
            contact = own;
        }
        return (ContactHeader) own.header().clone();
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getCallId() {
        return callId;
    }

    @Override
    public Address getLocalParty() {
        return new AddressImpl(localParty, null);
    }

    @Override
    public Address getRemoteParty() {
        return new AddressImpl(remoteParty, null);
    }

    @Override
    public State getState() {
        return state;
    }

    @Override
    public SipApplicationSession getApplicationSession() {
        return applicationSession;
    }

    ApplicationSessionImpl applicationSession() {
        return applicationSession;
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public Set<String> getAttributeNames() {
        return Set.copyOf(attributes.keySet());
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public boolean isValid() {
        return valid;
    }

    @Override
    public void invalidate() {
        if (valid) {
            valid = false;
            container.sessions().remove(this);
            applicationSession.removed(this);
        }
    }
}
