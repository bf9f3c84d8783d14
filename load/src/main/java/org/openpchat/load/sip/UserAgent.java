package org.openpchat.load.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.address.Address;
import javax.sip.header.ContactHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.openpchat.client.xccos.DigestAuth;
import org.openpchat.client.xccos.Xccos;
import org.openpchat.client.xccos.XccosXml;
import org.openpchat.load.net.Link;
import org.openpchat.load.net.Reactor;

/**
 * One simulated user on its own TCP connection, as a Lync client signs in: REGISTER with Digest,
 * INVITE of the chat pool and ACK, then XCCOS commands and posts in INFOs on that dialog. Every
 * request the server sends is answered 200 and its body handed to the {@link Listener}; the
 * dialog's INFOs, which a fan-out brings by the ten thousand a second, are answered from their
 * bytes ({@link ServerRequest}), the rest through JAIN-SIP's parser. All methods return at once;
 * the futures complete on the reactor's thread.
 */
public final class UserAgent implements Link.Handler {

    private static final Logger LOG = Logger.getLogger(UserAgent.class.getName());
    private static final String SDP = "v=0\r\no=- 0 0 IN IP4 %1$s\r\ns=session\r\nc=IN IP4 %1$s\r\nt=0 0\r\n"
            + "m=message %2$d sip null\r\na=accept-types:text/plain\r\n";

    /** What the server sends this user. */
    public interface Listener {
        /** An INFO's body (an XCCOS envelope), on the reactor's thread: must not block. */
        void info(UserAgent user, String body, long receivedNanos);

        /** The connection ended while the chat session was open: by the server (cause null) or on an error. */
        default void closed(UserAgent user, Exception cause) {
        }
    }

    private final String name;
    private final String domain;
    private final String password;
    private final Address self;
    private final Listener listener;
    private final Map<String, CompletableFuture<SIPResponse>> transactions = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Xccos.Reply>> replies = new ConcurrentHashMap<>();
    private final AtomicLong cseq = new AtomicLong();
    private final AtomicLong envids = new AtomicLong();
    private volatile Link link;
    private volatile String localHost;
    private volatile int localPort;
    private volatile SipMessages.Call chat;
    private volatile String chatTarget;

    /** {@code name} is {@code user@domain}, as a Lync client signs in. */
    public UserAgent(String name, String password, Listener listener) {
        this.name = name;
        this.domain = name.substring(name.indexOf('@') + 1);
        this.password = password;
        this.self = SipMessages.address("sip:" + name);
        this.listener = listener;
    }

    public String name() {
        return name;
    }

    public String uri() {
        return "sip:" + name;
    }

    /** Connects, registers and opens the chat session with {@code sip:pchat@<domain>}. */
    public CompletableFuture<Void> signIn(Reactor reactor, InetSocketAddress local, InetSocketAddress server) {
        try {
            link = reactor.connect(local, server, this);
            InetSocketAddress bound = link.localAddress();
            localHost = bound.getAddress().getHostAddress();
            localPort = bound.getPort();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        Address contact = SipMessages.contact(name.substring(0, name.indexOf('@')), localHost, localPort);
        SipMessages.Call register = newCall(SipMessages.address("sip:" + name), null);
        return challenged(Request.REGISTER, "sip:" + domain, register, contact, null, null)
                .thenCompose(registered -> expect(registered, "REGISTER"))
                .thenCompose(ok -> {
                    String pool = "sip:pchat@" + domain;
                    SipMessages.Call invite = newCall(SipMessages.address(pool), null);
                    return challenged(Request.INVITE, pool, invite, contact, "application/sdp",
                            String.format(SDP, localHost, localPort)).thenCompose(answer -> accepted(invite, pool, answer));
                });
    }

    private CompletableFuture<Void> accepted(SipMessages.Call invite, String pool, SIPResponse answer) {
        if (answer.getStatusCode() != 200) {
            return CompletableFuture.failedFuture(new SipRefusal("INVITE", answer));
        }
        String toTag = ((ToHeader) answer.getHeader(ToHeader.NAME)).getTag();
        ContactHeader contact = (ContactHeader) answer.getHeader(ContactHeader.NAME);
        chat = new SipMessages.Call(invite.callId(), invite.from(), invite.fromTag(), invite.to(), toTag,
                localHost, localPort);
        chatTarget = contact != null ? contact.getAddress().getURI().toString() : pool;
        Request ack = SipMessages.request(Request.ACK, chatTarget, chat, answer.getCSeq().getSeqNumber(), null, null, null);
        link.send(((SIPRequest) ack).encodeAsBytes("tcp"));
        return CompletableFuture.completedFuture(null);
    }

    /** Sends {@code <cmd id="cmd:name">}; completes with the server's reply. */
    public CompletableFuture<Xccos.Reply> command(String commandName, String dataXml) {
        String envid = nextEnvid();
        CompletableFuture<Xccos.Reply> reply = new CompletableFuture<>();
        replies.put(envid, reply);
        info(XccosXml.command(envid, commandName, "1", dataXml)).whenComplete((response, failure) -> {
            if (failure != null || response.getStatusCode() != 200) {
                replies.remove(envid);
                reply.completeExceptionally(failure != null ? failure : new SipRefusal("INFO cmd:" + commandName, response));
            }
        });
        return reply;
    }

    /** The URI of the room of exactly this name, found with {@code cmd:chansrch}. */
    public CompletableFuture<String> findRoom(String roomName) {
        return command("chansrch", "<qib qtype=\"BYNAME\" criteria=\"" + XccosXml.escape(roomName)
                + "\" extended=\"false\"/>").thenApply(reply -> reply.channels().stream()
                        .filter(channel -> roomName.equals(channel.name())).map(Xccos.Channel::uri).findFirst()
                        .orElseThrow(() -> new IllegalStateException(name + " finds no room named " + roomName)));
    }

    public CompletableFuture<Xccos.Reply> join(String chanUri) {
        return command("join", XccosXml.chanid(0, chanUri)).thenApply(reply -> ok(reply, "join " + chanUri));
    }

    /** The room's newest {@code count} messages ({@code cmd:bccontext}); fails unless the reply is 200. */
    public CompletableFuture<Xccos.Reply> history(String chanUri, int count) {
        return command("bccontext", XccosXml.chanib(chanUri) + "<bcq><last cnt=\"" + count + "\"/></bcq>")
                .thenApply(reply -> ok(reply, "bccontext " + chanUri));
    }

    /** Leaves the room ({@code cmd:part}). */
    public CompletableFuture<Xccos.Reply> part(String chanUri) {
        return command("part", XccosXml.chanib(chanUri)).thenApply(reply -> ok(reply, "part " + chanUri));
    }

    private static Xccos.Reply ok(Xccos.Reply reply, String what) {
        if (!reply.ok()) {
            throw new CompletionException(new IllegalStateException(what + ": " + reply.code() + " " + reply.text()));
        }
        return reply;
    }

    /** Posts {@code text}; completes with the INFO's SIP response (200: accepted). */
    public CompletableFuture<SIPResponse> post(String chanUri, String text) {
        return info(XccosXml.grpchat(nextEnvid(), "1", chanUri, uri(), "", text));
    }

    /** BYE of the chat session, then the connection is closed; completes with the BYE's status (0: none). */
    public CompletableFuture<Integer> signOut() {
        SipMessages.Call call = chat;
        if (call == null) {
            link.close();
            return CompletableFuture.completedFuture(0);
        }
        return send(SipMessages.request(Request.BYE, chatTarget, call, cseq.incrementAndGet(), null, null, null))
                .orTimeout(20, java.util.concurrent.TimeUnit.SECONDS)
                .handle((response, failure) -> {
                    chat = null;
                    link.close();
                    return response == null ? 0 : response.getStatusCode();
                });
    }

    public boolean connected() {
        return link != null && chat != null;
    }

    private CompletableFuture<SIPResponse> info(String body) {
        SipMessages.Call call = chat;
        if (call == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(name + " has no chat session"));
        }
        return send(SipMessages.request(Request.INFO, chatTarget, call, cseq.incrementAndGet(), null, "text/plain", body));
    }

    /** Sends the request; answers a 401/407 once with Digest credentials. */
    private CompletableFuture<SIPResponse> challenged(String method, String requestUri, SipMessages.Call call,
            Address contact, String contentType, String body) {
        return send(SipMessages.request(method, requestUri, call, cseq.incrementAndGet(), contact, contentType, body))
                .thenCompose(response -> {
                    int status = response.getStatusCode();
                    if (status != 401 && status != 407) {
                        return CompletableFuture.completedFuture(response);
                    }
                    String challenge = response.getHeaderAsFormattedString(status == 401 ? "WWW-Authenticate" : "Proxy-Authenticate");
                    String value = challenge.substring(challenge.indexOf(':') + 1).trim();
                    Request again = SipMessages.request(method, requestUri, call, cseq.incrementAndGet(), contact, contentType, body);
                    try {
                        again.addHeader(SipMessages.HEADERS.createHeader(status == 401 ? "Authorization" : "Proxy-Authorization",
                                DigestAuth.authorization(DigestAuth.parseChallenge(value), name, password, method,
                                        requestUri, DigestAuth.newCnonce())));
                    } catch (ParseException e) {
                        return CompletableFuture.failedFuture(e);
                    }
                    return send(again);
                });
    }

    private CompletableFuture<SIPResponse> send(Request request) {
        CompletableFuture<SIPResponse> response = new CompletableFuture<>();
        SIPRequest sip = (SIPRequest) request;
        transactions.put(key(sip.getCallId().getCallId(), sip.getCSeq().getSeqNumber()), response);
        link.send(sip.encodeAsBytes("tcp"));
        return response;
    }

    private static CompletableFuture<Void> expect(SIPResponse response, String what) {
        return response.getStatusCode() == 200 ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(new SipRefusal(what, response));
    }

    private SipMessages.Call newCall(Address to, String toTag) {
        return new SipMessages.Call(SipMessages.token() + "@" + localHost, self, SipMessages.token(), to, toTag, localHost,
                localPort);
    }

    private String nextEnvid() {
        return Long.toString(envids.incrementAndGet());
    }

    private static String key(String callId, long cseq) {
        return cseq + " " + callId;
    }

    @Override
    public void message(Link from, byte[] bytes) {
        long received = System.nanoTime();
        ServerRequest info = ServerRequest.read(bytes);
        if (info != null && Request.INFO.equals(info.method()) && info.inDialog()) {
            from.send(info.ok());
            if (info.hasBody()) {
                received(info.body(), received);
            }
            return;
        }
        SIPMessage message;
        try {
            message = SipMessages.parse(bytes);
        } catch (ParseException e) {
            LOG.log(Level.FINE, "unparsable message for " + name, e);
            return;
        }
        if (message instanceof SIPResponse response) {
            if (response.getStatusCode() >= 200) {
                CompletableFuture<SIPResponse> waiting = transactions.remove(key(response.getCallId().getCallId(),
                        response.getCSeq().getSeqNumber()));
                if (waiting != null) {
                    waiting.complete(response);
                }
            }
        } else if (message instanceof SIPRequest request && !Request.ACK.equals(request.getMethod())) {
            from.send(request.createResponse(200).encodeAsBytes("tcp"));
            byte[] content = request.getRawContent();
            if (Request.INFO.equals(request.getMethod()) && content != null) {
                received(new String(content, StandardCharsets.UTF_8), received);
            }
        }
    }

    private void received(String infoBody, long receivedNanos) {
        if (!replied(infoBody)) {
            listener.info(this, infoBody, receivedNanos);
        }
    }

    /** Completes the command a reply answers; false if the body is no reply to a pending command. */
    private boolean replied(String body) {
        if (replies.isEmpty() || !body.contains("<rpl ")) {
            return false;
        }
        try {
            for (Xccos.Reply reply : XccosXml.parse(body).items(Xccos.Reply.class)) {
                CompletableFuture<Xccos.Reply> waiting = replies.remove(reply.commandEnvid());
                if (waiting != null) {
                    waiting.complete(reply);
                    return true;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "unparsable XCCOS reply for " + name, e);
        }
        return false;
    }

    @Override
    public void closed(Link from, Exception cause) {
        boolean inSession = chat != null;
        IllegalStateException closed = new IllegalStateException(name + ": connection closed"
                + (cause == null ? "" : ": " + cause), cause);
        transactions.values().forEach(waiting -> waiting.completeExceptionally(closed));
        transactions.clear();
        replies.values().forEach(waiting -> waiting.completeExceptionally(closed));
        replies.clear();
        chat = null;
        if (inSession) {
            listener.closed(this, cause);
        }
    }
}
