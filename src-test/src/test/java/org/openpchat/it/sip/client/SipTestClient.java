package org.openpchat.it.sip.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;

import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
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
 * JAIN-SIP test client (UAC and UAS roles) for integration tests. One instance = one SipStack on
 * 127.0.0.1 with a free port and one transport ({@code "udp"} or {@code "tcp"}), automatic dialog
 * support off, so it can send odd requests. Thread-safe: responses are correlated by
 * Call-ID + CSeq, so many dialogs may be driven concurrently from several threads.
 *
 * <pre>
 * try (SipTestClient c = SipTestClient.start("tcp")) {
 *     ClientDialog d = c.invite("sip:pchat@127.0.0.1:5060");
 *     d.request("INFO", "text/plain", "&lt;xccos .../&gt;");
 *     ReceivedRequest reply = c.awaitRequest("INFO", Duration.ofSeconds(5));
 *     d.bye();
 * }
 * </pre>
 */
public final class SipTestClient implements AutoCloseable {

    private static final String SDP = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=session\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=message 5060 sip null\r\na=accept-types:text/plain\r\n";

    private final SipStacks.Handle handle;
    private final SipProvider provider;
    private final String transport;
    private final int port;
    private final boolean viaProxy;
    final HeaderFactory headers;
    final AddressFactory addresses;
    final MessageFactory messages;
    private final PendingRequests pending = new PendingRequests();
    private final ServerSide serverSide;
    private final Map<String, Request> acksByInvite = new ConcurrentHashMap<>();
    private volatile String localUri = "sip:sipclient@127.0.0.1";
    private volatile Duration timeout = Duration.ofSeconds(5);
    private volatile boolean transactions = true;

    private SipTestClient(SipStacks.Handle handle, SipProvider provider, String transport, int port,
            boolean viaProxy) throws Exception {
        this.handle = handle;
        this.provider = provider;
        this.transport = transport;
        this.port = port;
        this.viaProxy = viaProxy;
        SipFactory f = SipFactory.getInstance();
        this.headers = f.createHeaderFactory();
        this.addresses = f.createAddressFactory();
        this.messages = f.createMessageFactory();
        this.serverSide = new ServerSide(this, provider);
    }

    /** Starts a client; requests go where their Request-URI (or top Route) points. */
    public static SipTestClient start(String transport) {
        return start(transport, null);
    }

    /**
     * Starts a client that sends every request without a Route header to {@code outboundProxy}
     * ({@code "host:port"}), whatever its Request-URI (e.g. {@code sip:pchat@example.com}).
     */
    public static SipTestClient start(String transport, String outboundProxy) {
        String t = transport.toLowerCase(Locale.ROOT);
        if (!t.equals("udp") && !t.equals("tcp")) {
            throw new IllegalArgumentException("transport must be udp or tcp: " + transport);
        }
        Properties extra = new Properties();
        if (outboundProxy != null) {
            extra.setProperty("javax.sip.OUTBOUND_PROXY", outboundProxy + "/" + t);
        }
        try {
            return SipStacks.create("sipclient", extra, h -> {
                int port = SipStacks.freePort(t.equals("tcp"), t.equals("udp"));
                ListeningPoint lp = h.stack().createListeningPoint(SipStacks.HOST, port, t);
                SipProvider provider = h.stack().createSipProvider(lp);
                SipTestClient c = new SipTestClient(h, provider, t, port, outboundProxy != null);
                provider.addSipListener(new ClientListener(c.pending, c.serverSide, c::reAck));
                h.stack().start();
                return c;
            });
        } catch (Exception e) {
            throw new IllegalStateException("cannot start SIP test client over " + t, e);
        }
    }

    // ---------------------------------------------------------------- configuration

    public String transport() {
        return transport;
    }

    public int port() {
        return port;
    }

    /** The client's Contact URI (its listening point). */
    public String contactUri() {
        return "sip:sipclient@" + SipStacks.HOST + ":" + port + ";transport=" + transport;
    }

    public String localUri() {
        return localUri;
    }

    /** The From URI of requests (default {@code sip:sipclient@127.0.0.1}). */
    public SipTestClient localUri(String uri) {
        this.localUri = uri;
        return this;
    }

    public Duration timeout() {
        return timeout;
    }

    /** How long blocking calls wait for a final response (default 5 s). */
    public SipTestClient timeout(Duration t) {
        this.timeout = t;
        return this;
    }

    /**
     * With {@code false}, in-dialog requests (with branch) are sent without a JAIN-SIP client
     * transaction and matched by Call-ID + CSeq like branch-less ones: cheaper for load runs over
     * TCP; nothing is retransmitted, so not for UDP. Default {@code true}.
     */
    public SipTestClient useTransactions(boolean use) {
        this.transactions = use;
        return this;
    }

    boolean usesTransactions() {
        return transactions;
    }

    /** Status code the client answers server requests with (default: 200 for everything). */
    public SipTestClient answerWith(Function<ReceivedRequest, Integer> policy) {
        serverSide.policy(policy);
        return this;
    }

    /**
     * Sees every request from the server after it was answered (ACKs included); requests it
     * returns {@code true} for are taken by it and not queued for {@link #awaitRequest}.
     */
    public SipTestClient onRequest(java.util.function.Predicate<ReceivedRequest> taker) {
        serverSide.taker(taker);
        return this;
    }

    // ---------------------------------------------------------------- UAC: out of dialog

    /** Sends an out-of-dialog request and returns its final response. */
    public ReceivedResponse send(String method, String requestUri, Map<String, String> extraHeaders,
            String contentType, String body) {
        List<ReceivedResponse> all = sendAll(method, requestUri, extraHeaders, contentType, body);
        return all.get(all.size() - 1);
    }

    /** Like {@link #send} but returns every response, provisional ones included, final one last. */
    public List<ReceivedResponse> sendAll(String method, String requestUri, Map<String, String> extraHeaders,
            String contentType, String body) {
        Request r = newRequest(method, requestUri, provider.getNewCallId().getCallId(), 1, localUri, Messages.tag(),
                requestUri, null, List.of(), true);
        decorate(r, extraHeaders, contentType, body);
        return exchange(r, true).all();
    }

    /**
     * Sends an out-of-dialog request exactly as built, outside any JAIN-SIP transaction: no Via
     * branch unless {@code extraHeaders} sets a Via; Call-ID, CSeq, From etc. may be overridden
     * there too (e.g. to resend a request with the same branch and CSeq after a 407, like SIPE).
     * Returns every response matched by Call-ID + CSeq, final one last; an ACK returns at once
     * with an empty list. Nothing is retransmitted, even over UDP.
     */
    public List<ReceivedResponse> sendWithoutTransaction(String method, String requestUri,
            Map<String, String> extraHeaders, String contentType, String body) {
        Request r = newRequest(method, requestUri, provider.getNewCallId().getCallId(), 1, localUri, Messages.tag(),
                requestUri, null, List.of(), false);
        decorate(r, extraHeaders, contentType, body);
        if (Request.ACK.equals(method)) {
            sendAck(r);
            return List.of();
        }
        return exchange(r, false).all();
    }

    // ---------------------------------------------------------------- UAC: dialogs

    /** INVITE with a small SDP; on 2xx sends the ACK and returns the dialog, else throws. */
    public ClientDialog invite(String requestUri) {
        return invite(requestUri, Map.of(), "application/sdp", SDP);
    }

    public ClientDialog invite(String requestUri, Map<String, String> extraHeaders, String contentType,
            String body) {
        return invite(requestUri, extraHeaders, contentType, body, true);
    }

    /**
     * Like SIPE: INVITE and ACK without a Via branch, sent outside any JAIN-SIP transaction
     * (nothing is retransmitted, so meant for TCP). Use {@link ClientDialog#requestWithoutBranch}
     * on the dialog to stay SIPE-like.
     */
    public ClientDialog inviteWithoutBranch(String requestUri) {
        return invite(requestUri, Map.of(), "application/sdp", SDP, false);
    }

    private ClientDialog invite(String requestUri, Map<String, String> extraHeaders, String contentType,
            String body, boolean withBranch) {
        String callId = provider.getNewCallId().getCallId();
        String localTag = Messages.tag();
        Request invite = newRequest(Request.INVITE, requestUri, callId, 1, localUri, localTag, requestUri, null,
                List.of(), withBranch);
        decorate(invite, extraHeaders, contentType, body);
        PendingRequests.Exchange ex = exchange(invite, withBranch);
        if (!ex.finalResponse().isSuccess()) {
            if (!withBranch) { // no transaction to ACK the non-2xx for us (RFC 3261 17.1.1.3)
                sendAck(newRequest(Request.ACK, requestUri, callId, 1, localUri, localTag, requestUri,
                        ((ToHeader) ex.finalRaw().getHeader(ToHeader.NAME)).getTag(), List.of(), false));
            }
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
        Request ack = d.build(Request.ACK, 1, withBranch);
        if (withBranch) {
            acksByInvite.put(Messages.key(callId, 1, Request.INVITE), ack);
            sendStateless(ack);
        } else {
            sendAck(ack);
        }
        return d;
    }

    /** A dialog the server never saw (or has forgotten): in-dialog requests on it should get 481. */
    public ClientDialog forgedDialog(String callId, String localTag, String remoteTag, String target) {
        return new ClientDialog(this, callId, localUri, localTag, target, remoteTag, target, List.of(), 0, null);
    }

    // ---------------------------------------------------------------- UAS

    /** Next request of this method the server sent (already answered by the policy), or throws. */
    public ReceivedRequest awaitRequest(String method, Duration timeout) {
        return serverSide.await(method, timeout);
    }

    /** Requests received and not yet taken by {@link #awaitRequest}. */
    public List<ReceivedRequest> receivedRequests() {
        return serverSide.snapshot();
    }

    // ---------------------------------------------------------------- raw access

    public static RawTcp rawTcp(String host, int port) {
        return RawTcp.connect(host, port);
    }

    public static RawUdp rawUdp(String host, int port) {
        return RawUdp.open(host, port);
    }

    @Override
    public void close() {
        pending.failAll(new IllegalStateException("client closed"));
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
                    List.of(headers.createViaHeader(SipStacks.HOST, port, transport,
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

    /** Without an outbound proxy over TCP, the Request-URI must say ;transport=tcp for the router. */
    private URI routable(URI uri) throws ParseException {
        if (!viaProxy && transport.equals("tcp") && uri instanceof SipURI sip && sip.getTransportParam() == null) {
            sip.setTransportParam("tcp");
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
        String key = Messages.key(r);
        PendingRequests.Pending p = pending.register(key);
        try {
            if (stateful) {
                provider.getNewClientTransaction(r).sendRequest();
            } else {
                sendRaw(r);
            }
        } catch (Exception e) {
            pending.fail(key, e);
        }
        return pending.await(key, p, timeout);
    }

    /** Stateless send through the provider (used for ACK; a missing branch would be added). */
    void sendStateless(Request r) {
        try {
            provider.sendRequest(r);
        } catch (javax.sip.SipException e) {
            throw new IllegalStateException("cannot send " + r.getMethod(), e);
        }
    }

    /**
     * Sends the request as it is, bypassing SipProvider.sendRequest (which gives a branch-less Via
     * a branch). Over TCP the stack's cached connection to the next hop is reused.
     */
    private void sendRaw(Request r) throws IOException, javax.sip.SipException {
        SipStackImpl stack = (SipStackImpl) handle.stack();
        SIPRequest req = (SIPRequest) r;
        Hop hop = stack.getRouter(req).getNextHop(req);
        if (hop == null) {
            throw new IOException("no next hop for " + r.getRequestURI());
        }
        for (int attempt = 1;; attempt++) {
            MessageChannel channel = stack.createRawMessageChannel(SipStacks.HOST, port, hop);
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

    private void sendAck(Request ack) {
        try {
            sendRaw(ack);
        } catch (IOException | javax.sip.SipException e) {
            throw new IllegalStateException("cannot send ACK", e);
        }
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
}
