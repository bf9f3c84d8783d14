package org.openpchat.client.sip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;

import javax.net.ssl.SSLContext;
import javax.sip.ListeningPoint;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A SIP user agent over JAIN-SIP, in the UAC role (out-of-dialog requests, INVITE dialogs) and
 * a minimal UAS role (every request from the server is answered 200 and kept for
 * {@link #awaitRequest} or an observer). One instance = one JAIN-SIP stack with one listening point
 * (UDP, TCP or TLS) on a free port of {@link SipClientSettings#localHost()}; see {@link SipStacks} for
 * how it shares a JVM with other stacks. JAIN-SIP's dialog support is off: the client keeps its
 * dialogs itself ({@link ClientDialog}) and correlates responses by Call-ID + CSeq, so many dialogs
 * may be driven from several threads, and requests without a Via branch (as SIPE sends them) work
 * like others.
 *
 * <pre>
 * try (SipClient c = SipClient.start(SipClientSettings.of(Transport.TCP).withOutboundProxy("127.0.0.1", 5060))) {
 *     c.localUri("sip:alice@example.com");
 *     ClientDialog d = c.invite("sip:pchat@example.com");
 *     d.request("INFO", "text/plain", "&lt;xccos .../&gt;");
 *     ReceivedRequest reply = c.awaitRequest("INFO", Duration.ofSeconds(5));
 *     d.bye();
 * }
 * </pre>
 */
public final class SipClient implements AutoCloseable {

    private static final String SDP = "v=0\r\no=- 0 0 IN IP4 %1$s\r\ns=session\r\nc=IN IP4 %1$s\r\nt=0 0\r\n"
            + "m=message %2$d sip null\r\na=accept-types:text/plain\r\n";
    private static final int BIND_ATTEMPTS = 5;

    private final SipClientSettings settings;
    private final SipStacks.Handle handle;
    private final SipProvider provider;
    private final int port;
    final HeaderFactory headers = new HeaderFactoryImpl();
    final AddressFactory addresses = new AddressFactoryImpl();
    final MessageFactory messages = new MessageFactoryImpl();
    private final PendingRequests pending = new PendingRequests();
    private final ServerSide serverSide;
    private final Map<String, Request> acksByInvite = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String localUri;
    private volatile Duration timeout;

    private SipClient(SipClientSettings settings, SipStacks.Handle handle, SipProvider provider, int port) {
        this.settings = settings;
        this.handle = handle;
        this.provider = provider;
        this.port = port;
        this.timeout = settings.timeout();
        this.localUri = "sip:" + settings.localHost();
        this.serverSide = new ServerSide(this, provider);
    }

    /**
     * Starts a client: its stack, a listening point on a free port of the local host, and its
     * listener.
     *
     * @throws SipClientException if the stack cannot start (e.g. no free port)
     */
    public static SipClient start(SipClientSettings settings) {
        Properties extra = new Properties();
        if (settings.hasOutboundProxy()) {
            extra.setProperty("javax.sip.OUTBOUND_PROXY", settings.proxyHost() + ":" + settings.proxyPort() + "/"
                    + settings.transport().id());
        }
        SSLContext tls = null;
        if (settings.transport() == Transport.TLS) {
            try {
                tls = settings.tls() != null ? settings.tls() : SSLContext.getDefault();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new SipClientException("no default TLS context: " + e.getMessage(), e);
            }
        }
        return SipStacks.create("openpchat-client", extra, tls, h -> {
            String transport = settings.transport().id();
            ListeningPoint lp = null;
            for (int attempt = 1; lp == null; attempt++) {
                int port = SipStacks.freePort(settings.localHost(), settings.transport() == Transport.UDP);
                try {
                    lp = h.stack().createListeningPoint(settings.localHost(), port, transport);
                } catch (javax.sip.InvalidArgumentException taken) {
                    if (attempt == BIND_ATTEMPTS) {
                        throw new SipClientException("cannot listen on " + settings.localHost() + " over "
                                + transport + ": " + taken.getMessage(), taken);
                    }
                }
            }
            SipProvider provider = h.stack().createSipProvider(lp);
            SipClient c = new SipClient(settings, h, provider, lp.getPort());
            provider.addSipListener(new ClientListener(c.pending, c.serverSide, c::reAck));
            h.stack().start();
            return c;
        });
    }

    /** Starts a client on loopback over {@code "udp"} or {@code "tcp"}; requests go where their Request-URI points. */
    public static SipClient start(String transport) {
        return start(SipClientSettings.of(Transport.of(transport)));
    }

    // ---------------------------------------------------------------- configuration

    public SipClientSettings settings() {
        return settings;
    }

    public String transport() {
        return settings.transport().id();
    }

    public String localHost() {
        return settings.localHost();
    }

    /** The port of the client's listening point. */
    public int port() {
        return port;
    }

    /** The client's Contact URI: the user of {@link #localUri()} at its listening point. */
    public String contactUri() {
        String user = null;
        try {
            if (addresses.createURI(localUri) instanceof SipURI sip) {
                user = sip.getUser();
            }
        } catch (ParseException e) {
            // no user part then
        }
        return "sip:" + (user == null ? "" : user + "@") + settings.localHost() + ":" + port + ";transport="
                + transport();
    }

    public String localUri() {
        return localUri;
    }

    /** The From URI of requests (default {@code sip:<local host>}). */
    public SipClient localUri(String uri) {
        this.localUri = uri;
        return this;
    }

    public Duration timeout() {
        return timeout;
    }

    /** How long blocking calls wait for a final response (default: the settings' timeout). */
    public SipClient timeout(Duration t) {
        if (t.isNegative() || t.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + t);
        }
        this.timeout = t;
        return this;
    }

    /**
     * Sees every request from the server after it was answered (ACKs included); requests it
     * returns {@code true} for are taken by it and not queued for {@link #awaitRequest}.
     */
    public SipClient onRequest(Predicate<ReceivedRequest> taker) {
        serverSide.taker(taker);
        return this;
    }

    // ---------------------------------------------------------------- UAC: out of dialog

    /**
     * Sends an out-of-dialog request (a new Call-ID and CSeq 1, unless {@code extraHeaders} sets
     * them) and returns its final response.
     *
     * @throws SipTimeoutException if no final response arrives within the timeout
     * @throws SipClientException if the request cannot be sent
     */
    public ReceivedResponse send(String method, String requestUri, Map<String, String> extraHeaders,
            String contentType, String body) {
        Request r = newRequest(method, requestUri, provider.getNewCallId().getCallId(), 1, localUri, Messages.tag(),
                requestUri, null, List.of(), true);
        decorate(r, extraHeaders, contentType, body);
        return exchange(r, true).finalResponse();
    }

    // ---------------------------------------------------------------- UAC: dialogs

    /** INVITE with a small SDP; on 2xx sends the ACK and returns the dialog, else throws. */
    public ClientDialog invite(String requestUri) {
        return invite(requestUri, Map.of(), "application/sdp", sdp());
    }

    /**
     * INVITE; on 2xx sends the ACK and returns the dialog.
     *
     * @throws SipFailureException on a non-2xx final response (the stack ACKs it)
     */
    public ClientDialog invite(String requestUri, Map<String, String> extraHeaders, String contentType,
            String body) {
        String callId = provider.getNewCallId().getCallId();
        String localTag = Messages.tag();
        Request invite = newRequest(Request.INVITE, requestUri, callId, 1, localUri, localTag, requestUri, null,
                List.of(), true);
        decorate(invite, extraHeaders, contentType, body);
        PendingRequests.Exchange ex = exchange(invite, true);
        if (!ex.finalResponse().isSuccess()) {
            throw new SipFailureException("INVITE " + requestUri + " refused", ex.finalResponse());
        }
        Response ok = ex.finalRaw();
        ContactHeader contact = (ContactHeader) ok.getHeader(ContactHeader.NAME);
        String target = contact != null ? contact.getAddress().getURI().toString() : requestUri;
        List<String> routeSet = new ArrayList<>();
        for (Iterator<?> it = ok.getHeaders(RecordRouteHeader.NAME); it.hasNext();) {
            routeSet.add(0, ((RecordRouteHeader) it.next()).getAddress().toString());
        }
        String remoteTag = ((ToHeader) ok.getHeader(ToHeader.NAME)).getTag();
        ClientDialog d = new ClientDialog(this, callId, localUri, localTag, requestUri, remoteTag, target, routeSet,
                1, ex.finalResponse());
        Request ack = d.build(Request.ACK, 1, true);
        acksByInvite.put(Messages.key(callId, 1, Request.INVITE), ack);
        sendStateless(ack);
        return d;
    }

    /**
     * A dialog known only by its identifiers, without sending anything (e.g. one the server may
     * have forgotten): requests on it go to {@code target} with these tags.
     */
    public ClientDialog dialogOf(String callId, String localTag, String remoteTag, String target) {
        return new ClientDialog(this, callId, localUri, localTag, target, remoteTag, target, List.of(), 0, null);
    }

    /** The small SDP of a message session ({@code m=message}), as Lync clients offer for chat. */
    public String sdp() {
        return String.format(SDP, settings.localHost(), port);
    }

    // ---------------------------------------------------------------- UAS

    /**
     * The next request of this method the server sent (already answered 200).
     *
     * @throws SipTimeoutException if none arrives within {@code timeout}
     */
    public ReceivedRequest awaitRequest(String method, Duration timeout) {
        return serverSide.await(method, timeout);
    }

    /** Fails what still waits, stops the stack and ends its threads. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        pending.failAll(new SipClientException("client closed"));
        serverSide.close();
        SipStacks.stop(handle);
    }

    // ---------------------------------------------------------------- package internals

    Request newRequest(String method, String requestUri, String callId, long cseq, String fromUri, String fromTag,
            String toUri, String toTag, List<String> routeSet, boolean withBranch) {
        try {
            URI ruri = routable(addresses.createURI(requestUri));
            Request r = messages.createRequest(ruri, method, headers.createCallIdHeader(callId),
                    headers.createCSeqHeader(cseq, method),
                    headers.createFromHeader(addresses.createAddress(fromUri), fromTag),
                    headers.createToHeader(addresses.createAddress(toUri), toTag),
                    List.of(headers.createViaHeader(settings.localHost(), port, transport(),
                            withBranch ? Messages.branch() : null)),
                    headers.createMaxForwardsHeader(70));
            for (String route : routeSet) {
                r.addHeader(headers.createRouteHeader(addresses.createAddress(route)));
            }
            if (method.equals(Request.INVITE) || method.equals(Request.UPDATE) || method.equals(Request.SUBSCRIBE)
                    || method.equals(Request.NOTIFY) || method.equals(Request.REFER)) {
                r.addHeader(headers.createContactHeader(addresses.createAddress(contactUri())));
            }
            return r;
        } catch (ParseException | javax.sip.InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot build " + method + " " + requestUri, e);
        }
    }

    /** Without an outbound proxy over TCP or TLS, the Request-URI must name the transport for the router. */
    private URI routable(URI uri) throws ParseException {
        if (!settings.hasOutboundProxy() && settings.transport().isConnection() && uri instanceof SipURI sip
                && sip.getTransportParam() == null) {
            sip.setTransportParam(settings.transport().id());
        }
        return uri;
    }

    void decorate(Request r, Map<String, String> extraHeaders, String contentType, String body) {
        try {
            if (extraHeaders != null) {
                for (Map.Entry<String, String> e : extraHeaders.entrySet()) {
                    r.setHeader(headers.createHeader(e.getKey(), e.getValue()));
                }
            }
            if (body != null) {
                if (contentType == null) {
                    throw new IllegalArgumentException("a body needs a content type");
                }
                r.setContent(body.getBytes(StandardCharsets.UTF_8),
                        (ContentTypeHeader) headers.createHeader(ContentTypeHeader.NAME, contentType));
            }
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad header or content type", e);
        }
    }

    /** Sends through a client transaction ({@code stateful}) or raw, and waits for the final response. */
    PendingRequests.Exchange exchange(Request r, boolean stateful) {
        if (closed.get()) {
            throw new SipClientException("client closed");
        }
        String key = Messages.key(r);
        String what = r.getMethod() + " " + r.getRequestURI();
        PendingRequests.Pending p = pending.register(key);
        try {
            if (stateful) {
                provider.getNewClientTransaction(r).sendRequest();
            } else {
                sendRaw(r);
            }
        } catch (SipException | IOException e) {
            pending.fail(key, new SipClientException("cannot send " + what + " to " + nextHop(r) + ": "
                    + rootMessage(e), e));
        }
        return pending.await(key, p, timeout, what);
    }

    /** Stateless send through the provider (used for ACK; a missing branch would be added). */
    void sendStateless(Request r) {
        try {
            provider.sendRequest(r);
        } catch (SipException e) {
            throw new SipClientException("cannot send " + r.getMethod() + ": " + rootMessage(e), e);
        }
    }

    /**
     * Sends the request as it is, bypassing SipProvider.sendRequest (which gives a branch-less Via
     * a branch). Over TCP the stack's cached connection to the next hop is reused.
     */
    private void sendRaw(Request r) throws IOException, SipException {
        SipStackImpl stack = (SipStackImpl) handle.stack();
        SIPRequest req = (SIPRequest) r;
        Hop hop = stack.getRouter(req).getNextHop(req);
        if (hop == null) {
            throw new IOException("no next hop for " + r.getRequestURI());
        }
        for (int attempt = 1;; attempt++) {
            MessageChannel channel = stack.createRawMessageChannel(settings.localHost(), port, hop);
            if (channel == null) {
                throw new IOException("no channel to " + hop);
            }
            try {
                channel.sendMessage(req, hop);
                return;
            } catch (IOException e) {
                // JAIN-SIP's blocking TCP channel can hand out a cached socket that was just closed
                // ("Socket is closed" in TCPMessageChannel.sendMessage); a second try reconnects
                if (attempt == 2) {
                    throw e;
                }
            }
        }
    }

    private String nextHop(Request r) {
        try {
            Hop hop = ((SipStackImpl) handle.stack()).getRouter((SIPRequest) r).getNextHop(r);
            return hop == null ? String.valueOf(r.getRequestURI()) : hop.getHost() + ":" + hop.getPort() + " over "
                    + hop.getTransport().toUpperCase(java.util.Locale.ROOT);
        } catch (SipException | RuntimeException e) {
            return String.valueOf(r.getRequestURI());
        }
    }

    /** The innermost message of an exception chain (JAIN-SIP wraps "Connection refused" twice). */
    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }

    private void reAck(Response retransmitted2xx) {
        CSeqHeader cseq = (CSeqHeader) retransmitted2xx.getHeader(CSeqHeader.NAME);
        Request ack = acksByInvite.get(Messages.key(
                ((CallIdHeader) retransmitted2xx.getHeader(CallIdHeader.NAME)).getCallId(), cseq.getSeqNumber(),
                Request.INVITE));
        if (ack != null) {
            sendStateless((Request) ack.clone());
        }
    }

    /** The thread group that owns the stack's threads (tests check that close() ends them). */
    ThreadGroup threadGroup() {
        return handle.threads();
    }

    /** Forgets the ACK kept for 2xx retransmissions of a dialog's INVITE. */
    void forget(String callId, long inviteCseq) {
        acksByInvite.remove(Messages.key(callId, inviteCseq, Request.INVITE));
    }

    @Override
    public String toString() {
        return "SipClient[" + localUri + " on " + settings.localHost() + ":" + port + "/" + transport() + "]";
    }
}
