package org.openpchat.client.xccos;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.openpchat.client.sip.ClientDialog;
import org.openpchat.client.sip.ReceivedRequest;
import org.openpchat.client.sip.ReceivedResponse;
import org.openpchat.client.sip.SipClient;
import org.openpchat.client.sip.SipClientException;
import org.openpchat.client.sip.SipFailureException;

/**
 * An XCCOS client: one user, one JAIN-SIP stack, one flow (TCP connection, by default) to the
 * server. REGISTER with Digest, the provisioning SUBSCRIBE and its NOTIFY, INVITE of the chat
 * pool, XCCOS commands and posts in INFO, and an inbox of everything the server sent in INFOs
 * (answered 200), parsed into {@link Xccos} records.
 *
 * <pre>
 * XccosSettings server = XccosSettings.of("example.com", "127.0.0.1", 5060);
 * try (XccosClient alice = XccosClient.connect("alice", server)) {
 *     alice.register(password);
 *     alice.invite(alice.subscribeProvisioning().poolUriOr(server.defaultPoolUri()));
 *     String lobby = alice.roomUri("Lobby");
 *     alice.join(lobby);
 *     alice.post(lobby, "hello");
 *     alice.awaitGrpchat(lobby, "hello");
 * }
 * </pre>
 *
 * Waits are bounded by {@link #waitTime(Duration)} (the settings' timeout by default): SIP
 * requests throw {@link org.openpchat.client.sip.SipTimeoutException}, awaited replies, posts and
 * NOTIFYs {@link XccosTimeoutException}. The inbox keeps what arrived until
 * {@link #forgetReceived()}.
 */
public final class XccosClient implements AutoCloseable {

    public static final String PROVISIONING_EVENT = "vnd-microsoft-provisioning-v2";
    public static final String PROVISIONING_TYPE = "application/vnd-microsoft-roaming-provisioning-v2+xml";

    private static final Pattern ADDRESS = Pattern.compile("[^\\s\"<>@;:,?/\\\\]+@[A-Za-z0-9.\\-]+");
    private static final Pattern USER = Pattern.compile("[^\\s\"<>@;:,?/\\\\]+");
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);
    private static final String PROVISIONING_REQUEST = "<provisioningGroupList xmlns=\"http://schemas.microsoft.com/"
            + "2006/09/sip/provisioninggrouplist\"><provisioningGroup name=\"ServerConfiguration\"/>"
            + "<provisioningGroup name=\"meetingPolicy\"/><provisioningGroup name=\"persistentChatConfiguration\"/>"
            + "<provisioningGroup name=\"ucPolicy\"/></provisioningGroupList>";

    /** Something the server sent in an INFO: the request and its parsed body (or why it did not parse). */
    public record Inbound(ReceivedRequest request, Xccos.Envelope envelope, String parseError) {
    }

    /** A command or post sent in an INFO: the INFO's SIP response and the ids to correlate the reply. */
    public record Sent(ReceivedResponse sip, String envid, String seqid) {
    }

    /** The outcome of a provisioning SUBSCRIBE: its response, the NOTIFY (null if none) and its chat settings. */
    public record Provisioning(ReceivedResponse subscribeResponse, ReceivedRequest notifyRequest,
            Map<String, String> persistentChatConfiguration) {

        public boolean enabled() {
            return "true".equalsIgnoreCase(persistentChatConfiguration.get("EnablePersistentChat"));
        }

        /** The provisioned chat pool URI, or null. */
        public String poolUri() {
            return persistentChatConfiguration.get("DefaultPersistentChatPoolUri");
        }

        /** The provisioned chat pool URI, or {@code fallback} when provisioning named none. */
        public String poolUriOr(String fallback) {
            String uri = poolUri();
            return uri == null || uri.isBlank() ? fallback : uri;
        }
    }

    private final XccosSettings settings;
    private final SipClient sip;
    private final String user;
    private final String username;
    private final String userUri;
    private final AtomicLong envids = new AtomicLong(ThreadLocalRandom.current().nextInt() & 0xffffffffL);
    private final AtomicLong seqids = new AtomicLong();
    private final AtomicLong registerCseq = new AtomicLong();
    private final String registerCallId;
    private final List<Inbound> inbox = new ArrayList<>();
    /** Items of the inbox in arrival order, flattened; consumed ones are replaced by null in {@code pendingItems}. */
    private final List<Xccos.Item> items = new ArrayList<>();
    private final List<Xccos.Item> pendingItems = new ArrayList<>();
    private final List<ReceivedRequest> notifies = new ArrayList<>();
    private volatile String password;
    private volatile ClientDialog dialog;
    private volatile ReceivedResponse lastChallenge;
    private volatile Duration wait;

    private XccosClient(String user, XccosSettings settings) {
        this.settings = settings;
        this.user = userAddress(user, settings.domain());
        this.username = this.user.substring(0, this.user.indexOf('@'));
        this.userUri = "sip:" + this.user;
        this.wait = settings.sip().timeout();
        this.sip = SipClient.start(settings.sip()).localUri(userUri);
        this.registerCallId = UUID.randomUUID() + "@" + settings.sip().localHost();
        this.sip.onRequest(this::take);
    }

    /**
     * A client for {@code user} ({@code alice}, {@code alice@example.com} or
     * {@code sip:alice@example.com}; without a domain the settings' domain); nothing sent yet.
     *
     * @throws IllegalArgumentException if {@code user} is no SIP address
     * @throws SipClientException if the SIP stack cannot start
     */
    public static XccosClient connect(String user, XccosSettings settings) {
        return new XccosClient(user, settings);
    }

    /**
     * {@code user@domain} from any of the forms {@link #connect} takes.
     *
     * @throws IllegalArgumentException if it is no SIP user address
     */
    public static String userAddress(String user, String domain) {
        String a = user == null ? "" : user.trim();
        if (a.regionMatches(true, 0, "sip:", 0, 4)) {
            a = a.substring(4);
        }
        if (USER.matcher(a).matches()) {
            a = a + "@" + domain;
        }
        if (!ADDRESS.matcher(a).matches()) {
            throw new IllegalArgumentException("not a SIP user address: " + user);
        }
        return a;
    }

    /** {@code alice@example.com}. */
    public String user() {
        return user;
    }

    /** {@code sip:alice@example.com}. */
    public String userUri() {
        return userUri;
    }

    public XccosSettings settings() {
        return settings;
    }

    public SipClient sip() {
        return sip;
    }

    /** The chat dialog, or null before {@link #invite} and after {@link #bye}. */
    public ClientDialog dialog() {
        return dialog;
    }

    /** How long SIP requests and the await methods wait (default: the settings' timeout). */
    public XccosClient waitTime(Duration d) {
        sip.timeout(d);
        this.wait = d;
        return this;
    }

    public Duration waitTime() {
        return wait;
    }

    // ------------------------------------------------------------------------- REGISTER

    /** REGISTER as this user; a challenge is answered with Digest (username = the user part, uri = {@code sip:<domain>}). */
    public ReceivedResponse register(String password) {
        return register(username, password, "sip:" + settings.domain(), null);
    }

    /**
     * REGISTER {@code sip:<domain>} with a Contact and, if {@code expires} is not null, an Expires
     * header. A 407 (or 401) is answered with Digest credentials ({@code digestUser}, {@code digestUri}
     * as the uri parameter, e.g. {@code "(null)"} like SIPE) when {@code password} is not null; the
     * final response is returned, the challenge is kept ({@link #lastChallenge()}). After a 200 the
     * password answers later challenges (SUBSCRIBE, INVITE, {@link #unregister()}).
     */
    public ReceivedResponse register(String digestUser, String password, String digestUri, Integer expires) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Call-ID", registerCallId);
        headers.put("Contact", "<" + sip.contactUri() + ">");
        if (expires != null) {
            headers.put("Expires", String.valueOf(expires));
        }
        String registrar = "sip:" + settings.domain();
        headers.put("CSeq", registerCseq.incrementAndGet() + " REGISTER");
        ReceivedResponse r = sip.send("REGISTER", registrar, headers, null, null);
        if (isChallenge(r)) {
            lastChallenge = r;
            if (password != null) {
                headers.put("CSeq", registerCseq.incrementAndGet() + " REGISTER");
                headers.put(credentialsHeader(r), credentials(r, digestUser, password, "REGISTER", digestUri));
                r = sip.send("REGISTER", registrar, headers, null, null);
            }
        }
        if (r.status() == 200 && password != null) {
            this.password = password;
        }
        return r;
    }

    /** REGISTER with Expires 0 (signs out), answering a challenge with the password of the last REGISTER. */
    public ReceivedResponse unregister() {
        return register(username, password, "sip:" + settings.domain(), 0);
    }

    /** The last 407/401 received (REGISTER or INVITE), or null. */
    public ReceivedResponse lastChallenge() {
        return lastChallenge;
    }

    /** Uses this password to answer challenges to SUBSCRIBE/INVITE without a REGISTER first. */
    public XccosClient password(String pw) {
        this.password = pw;
        return this;
    }

    private static boolean isChallenge(ReceivedResponse r) {
        return r.status() == 407 || r.status() == 401;
    }

    private static String credentialsHeader(ReceivedResponse challenge) {
        return challenge.status() == 401 ? "Authorization" : "Proxy-Authorization";
    }

    private static String credentials(ReceivedResponse challenge, String digestUser, String password, String method,
            String uri) {
        String header = challenge.header(challenge.status() == 401 ? "WWW-Authenticate" : "Proxy-Authenticate");
        if (header == null) {
            throw new SipFailureException(method + " challenged without a Digest challenge", challenge);
        }
        return DigestAuth.authorization(DigestAuth.parseChallenge(header), digestUser, password, method, uri,
                DigestAuth.newCnonce());
    }

    // ------------------------------------------------------------------------- provisioning

    /** SUBSCRIBE to vnd-microsoft-provisioning-v2 (Expires: 0, like SIPE) and wait for the NOTIFY. */
    public Provisioning subscribeProvisioning() {
        return subscribe(PROVISIONING_EVENT);
    }

    /**
     * SUBSCRIBE {@code sip:<user>} to an event; on 2xx waits for the NOTIFY on its Call-ID.
     *
     * @throws XccosTimeoutException if the NOTIFY does not come in time
     */
    public Provisioning subscribe(String event) {
        String callId = UUID.randomUUID() + "@" + settings.sip().localHost();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Call-ID", callId);
        headers.put("Event", event);
        headers.put("Accept", PROVISIONING_TYPE);
        headers.put("Expires", "0");
        headers.put("Supported", "com.microsoft.autoextend");
        ReceivedResponse r = sip.send("SUBSCRIBE", userUri, headers, PROVISIONING_TYPE, PROVISIONING_REQUEST);
        if (isChallenge(r) && password != null) {
            headers.put("CSeq", "2 SUBSCRIBE");
            headers.put(credentialsHeader(r), credentials(r, username, password, "SUBSCRIBE", userUri));
            r = sip.send("SUBSCRIBE", userUri, headers, PROVISIONING_TYPE, PROVISIONING_REQUEST);
        }
        if (!r.isSuccess()) {
            return new Provisioning(r, null, Map.of());
        }
        ReceivedRequest notify = awaitNotify(callId, wait);
        Map<String, String> config = notify.body().isBlank() ? Map.of()
                : XccosXml.provisionGroup(notify.body(), "persistentChatConfiguration");
        return new Provisioning(r, notify, config);
    }

    private ReceivedRequest awaitNotify(String callId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (inbox) {
            while (true) {
                for (ReceivedRequest n : notifies) {
                    if (n.callId().equals(callId)) {
                        notifies.remove(n);
                        return n;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new XccosTimeoutException(user + ": no NOTIFY within " + timeout.toMillis() + " ms");
                }
                waitOn(left);
            }
        }
    }

    // ------------------------------------------------------------------------- dialog

    /**
     * INVITE (with a small SDP) and ACK; a 407 (or 401) is answered with Digest credentials when a
     * password is known.
     *
     * @throws SipFailureException on another final response
     */
    public ClientDialog invite(String requestUri) {
        ClientDialog d;
        try {
            d = sip.invite(requestUri, Map.of(), "application/sdp", sip.sdp());
        } catch (SipFailureException e) {
            if (!isChallenge(e.response()) || password == null) {
                throw e;
            }
            lastChallenge = e.response();
            String auth = credentials(e.response(), username, password, "INVITE", requestUri);
            d = sip.invite(requestUri, Map.of(credentialsHeader(e.response()), auth), "application/sdp", sip.sdp());
        }
        this.dialog = d;
        return d;
    }

    public ReceivedResponse update() {
        return requireDialog().request("UPDATE", null, null);
    }

    /**
     * BYE of the chat dialog: the server leaves its rooms and forgets it. The client keeps it as
     * {@link #dialog()} (requests on it now get 481) until {@link #dropDialog()}.
     */
    public ReceivedResponse bye() {
        return requireDialog().bye();
    }

    /** Sends an INFO with this body (Content-Type text/plain, as SIPE) on the current dialog. */
    public ReceivedResponse info(String body) {
        return info(body, "text/plain");
    }

    public ReceivedResponse info(String body, String contentType) {
        return requireDialog().request("INFO", contentType, body);
    }

    private ClientDialog requireDialog() {
        ClientDialog d = dialog;
        if (d == null) {
            throw new IllegalStateException("no dialog: INVITE first");
        }
        return d;
    }

    // ------------------------------------------------------------------------- XCCOS

    public String nextEnvid() {
        return Long.toUnsignedString(envids.incrementAndGet());
    }

    public String nextSeqid() {
        return String.valueOf(seqids.incrementAndGet());
    }

    /** Sends {@code <cmd id="cmd:name">} with this data (inner XML) and returns the INFO's response. */
    public Sent send(String name, String dataXml) {
        String envid = nextEnvid();
        String seqid = nextSeqid();
        return new Sent(info(XccosXml.command(envid, name, seqid, dataXml)), envid, seqid);
    }

    /**
     * Sends a command and waits for the reply that names its envid.
     *
     * @throws SipFailureException if the INFO does not get 200
     * @throws XccosTimeoutException if the reply does not come in time
     */
    public Xccos.Reply command(String name, String dataXml) {
        Sent s = send(name, dataXml);
        if (s.sip().status() != 200) {
            throw new SipFailureException("INFO cmd:" + name, s.sip());
        }
        try {
            return awaitReplyTo(s.envid());
        } catch (XccosTimeoutException e) {
            throw new XccosTimeoutException(user + ": no rpl:" + name + " within " + wait.toMillis() + " ms");
        }
    }

    /** The reply whose {@code <commandid envid>} is this one. */
    public Xccos.Reply awaitReplyTo(String envid) {
        return awaitReplyTo(envid, wait);
    }

    public Xccos.Reply awaitReplyTo(String envid, Duration timeout) {
        return await(Xccos.Reply.class, r -> envid.equals(r.commandEnvid()), timeout);
    }

    public Xccos.Reply requri() {
        return command("requri", "");
    }

    public Xccos.Reply getServerInfo() {
        return command("getserverinfo", "<sib domain=\"" + XccosXml.escape(settings.domain()) + "\" infoType=\"123\"/>");
    }

    /** {@code cmd:chansrch} BYNAME with this criteria ("" = every room the user may see). */
    public Xccos.Reply chansrch(String criteria) {
        return command("chansrch", "<qib qtype=\"BYNAME\" criteria=\"" + XccosXml.escape(criteria)
                + "\" extended=\"false\"/>");
    }

    /**
     * The room of exactly that name among what chansrch finds for this user, if any.
     *
     * @throws XccosException if chansrch itself is refused
     */
    public Optional<Xccos.Channel> findRoom(String name) {
        Xccos.Reply r = chansrch(name);
        if (!r.ok()) {
            throw new XccosException("chansrch refused: " + r.code() + " " + r.text());
        }
        return r.channels().stream().filter(c -> name.equals(c.name())).findFirst();
    }

    /**
     * The URI of the room of that exact name, found with chansrch.
     *
     * @throws XccosException if there is none
     */
    public String roomUri(String name) {
        return findRoom(name).map(Xccos.Channel::uri)
                .orElseThrow(() -> new XccosException(user + " finds no room named " + name));
    }

    public Xccos.Reply join(String chanUri) {
        return command("join", XccosXml.chanid(0, chanUri));
    }

    public Xccos.Reply bjoin(List<String> chanUris) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < chanUris.size(); i++) {
            data.append(XccosXml.chanid(i, chanUris.get(i)));
        }
        return command("bjoin", data.toString());
    }

    /** {@code cmd:bccontext} with {@code <bcq><last cnt/></bcq>}; {@code cnt} null leaves the attribute out. */
    public Xccos.Reply history(String chanUri, Integer cnt) {
        return command("bccontext", XccosXml.chanib(chanUri) + "<bcq><last" + (cnt == null ? "" : " cnt=\"" + cnt
                + "\"") + "/></bcq>");
    }

    public Xccos.Reply part(String chanUri) {
        return command("part", XccosXml.chanib(chanUri));
    }

    public Xccos.Reply getinv() {
        return command("getinv", "<inv inviteId=\"1\" domain=\"" + XccosXml.escape(settings.domain()) + "\"/>");
    }

    public Xccos.Reply getpref(String label) {
        return command("getpref", "<pref label=\"" + XccosXml.escape(label) + "\" seqid=\"0\" createdefault=\"true\"/>");
    }

    public Xccos.Reply setpref(String label, String seqid, String base64Content) {
        return command("setpref", "<pref label=\"" + XccosXml.escape(label) + "\" seqid=\"" + XccosXml.escape(seqid)
                + "\" createdefault=\"false\" content=\"" + XccosXml.escape(base64Content) + "\"/>");
    }

    /**
     * Posts {@code text} as a {@code grpchat} (author = this user, ts = now, seconds precision) and
     * returns the INFO's response. The server sends the post back to its author too; a refused
     * post gets its code as the INFO's status and an {@code rpl:grpchat} ({@link #awaitReplyTo}).
     */
    public Sent post(String chanUri, String text) {
        String envid = nextEnvid();
        String seqid = nextSeqid();
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return new Sent(info(XccosXml.grpchat(envid, seqid, chanUri, userUri, ts, text)), envid, seqid);
    }

    // ------------------------------------------------------------------------- inbox

    /** The next unconsumed grpchat in that room with that text. */
    public Xccos.GrpChat awaitGrpchat(String chanUri, String text) {
        return awaitGrpchat(g -> chanUri.equals(g.chanUri()) && text.equals(g.text()), wait);
    }

    public Xccos.GrpChat awaitGrpchat(Predicate<Xccos.GrpChat> match, Duration timeout) {
        return await(Xccos.GrpChat.class, match, timeout);
    }

    /** The next unconsumed notice {@code ntc:<name>} (e.g. "join") that matches. */
    public Xccos.Notice awaitNotice(String name, Predicate<Xccos.Notice> match, Duration timeout) {
        return await(Xccos.Notice.class, n -> ("ntc:" + name).equals(n.id()) && match.test(n), timeout);
    }

    public Xccos.Notice awaitNotice(String name, Predicate<Xccos.Notice> match) {
        return awaitNotice(name, match, wait);
    }

    /**
     * Waits for the first unconsumed item of that type matching, and consumes it.
     *
     * @throws XccosTimeoutException if none arrives within {@code timeout}
     */
    public <T extends Xccos.Item> T await(Class<T> type, Predicate<T> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (inbox) {
            while (true) {
                for (int i = 0; i < pendingItems.size(); i++) {
                    Xccos.Item item = pendingItems.get(i);
                    if (type.isInstance(item) && match.test(type.cast(item))) {
                        pendingItems.set(i, null);
                        return type.cast(item);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new XccosTimeoutException(user + ": no matching " + type.getSimpleName() + " within "
                            + timeout.toMillis() + " ms (" + items.size() + " items received"
                            + (items.isEmpty() ? "" : ", the last: " + items.get(items.size() - 1)) + ")");
                }
                waitOn(left);
            }
        }
    }

    /** Every item of that type received so far that matches, consumed or not, in arrival order. */
    public <T extends Xccos.Item> List<T> received(Class<T> type, Predicate<T> match) {
        synchronized (inbox) {
            return items.stream().filter(type::isInstance).map(type::cast).filter(match).toList();
        }
    }

    /** Every server INFO so far (request and parsed body). */
    public List<Inbound> inbox() {
        synchronized (inbox) {
            return List.copyOf(inbox);
        }
    }

    /** Forgets everything received so far (long runs keep memory flat this way). */
    public void forgetReceived() {
        synchronized (inbox) {
            inbox.clear();
            items.clear();
            pendingItems.clear();
        }
    }

    private boolean take(ReceivedRequest r) {
        if ("NOTIFY".equalsIgnoreCase(r.method())) {
            synchronized (inbox) {
                notifies.add(r);
                inbox.notifyAll();
            }
            return true;
        }
        if (!"INFO".equalsIgnoreCase(r.method())) {
            return false;
        }
        Xccos.Envelope env = null;
        String error = null;
        try {
            env = XccosXml.parse(r.body());
        } catch (XccosXml.XccosParseException e) {
            error = e.getMessage();
        }
        synchronized (inbox) {
            inbox.add(new Inbound(r, env, error));
            if (env != null) {
                items.addAll(env.items());
                pendingItems.addAll(env.items());
            }
            inbox.notifyAll();
        }
        return true;
    }

    private void waitOn(long nanos) {
        try {
            inbox.wait(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XccosException("interrupted", e);
        }
    }

    /** Best-effort BYE of an open dialog (so the server leaves its rooms), then the stack stops. */
    @Override
    public void close() {
        ClientDialog d = dialog;
        dialog = null;
        if (d != null) {
            try {
                sip.timeout(CLOSE_TIMEOUT);
                d.bye();
            } catch (SipClientException ignored) {
                // already gone
            }
        }
        sip.close();
    }

    /** Forgets the dialog without BYE (e.g. after the server restarted, so close() does not BYE it). */
    public void dropDialog() {
        dialog = null;
    }

    @Override
    public String toString() {
        return "XccosClient[" + user + ", " + dialog + "]";
    }
}
