package org.openpchat.it.xccos;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.openpchat.it.sip.client.ClientDialog;
import org.openpchat.it.sip.client.ReceivedRequest;
import org.openpchat.it.sip.client.ReceivedResponse;
import org.openpchat.it.sip.client.SipFailureException;
import org.openpchat.it.sip.client.SipStacks;
import org.openpchat.it.sip.client.SipTestClient;

/**
 * An XCCOS client for protocol tests: one user, one JAIN-SIP stack, one TCP connection (flow) to
 * the server (system property {@code openpchat.it.sip}, default {@code 127.0.0.1:5060}, used as
 * outbound proxy so Request-URIs can say {@code example.com}). REGISTER with Digest, provisioning
 * SUBSCRIBE, INVITE of the chat URI, XCCOS commands in INFO, and an inbox of everything the server
 * sent in INFOs (answered 200 by the SIP client), parsed into {@link Xccos} records.
 *
 * <pre>
 * try (XccosClient alice = XccosClient.login("alice")) {
 *     String lobby = alice.roomUri("Lobby");
 *     alice.join(lobby);
 *     alice.post(lobby, "hello");
 *     alice.awaitGrpchat(lobby, "hello");
 * }
 * </pre>
 */
public final class XccosClient implements AutoCloseable {

    public static final String DOMAIN = "example.com";
    public static final String POOL_URI = "sip:pchat@example.com";
    public static final String DEMO_PASSWORD = "Passw0rd!";
    public static final String PROVISIONING_EVENT = "vnd-microsoft-provisioning-v2";
    public static final String PROVISIONING_TYPE = "application/vnd-microsoft-roaming-provisioning-v2+xml";
    public static final Duration WAIT = Duration.ofSeconds(10);

    private static final String SDP = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=session\r\nc=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\nm=message 5060 sip null\r\na=accept-types:text/plain\r\n";
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

        public String poolUri() {
            return persistentChatConfiguration.get("DefaultPersistentChatPoolUri");
        }
    }

    private final SipTestClient sip;
    private final String user;
    private final String username;
    private final String userUri;
    private final AtomicLong envids = new AtomicLong(ThreadLocalRandom.current().nextInt() & 0xffffffffL);
    private final AtomicLong seqids = new AtomicLong();
    private final AtomicLong registerCseq = new AtomicLong();
    private final String registerCallId = UUID.randomUUID() + "@127.0.0.1";
    private final List<Inbound> inbox = new ArrayList<>();
    /** Items of the inbox in arrival order, flattened; consumed ones are replaced by null in {@code pendingItems}. */
    private final List<Xccos.Item> items = new ArrayList<>();
    private final List<Xccos.Item> pendingItems = new ArrayList<>();
    private final List<ReceivedRequest> notifies = new ArrayList<>();
    private volatile String password;
    private volatile ClientDialog dialog;
    private volatile ReceivedResponse lastChallenge;
    private volatile Duration wait = WAIT;

    private XccosClient(String user, String server) {
        this.user = user.contains("@") ? user : user + "@" + DOMAIN;
        this.username = this.user.substring(0, this.user.indexOf('@'));
        this.userUri = "sip:" + this.user;
        this.sip = SipTestClient.start("tcp", server).localUri(userUri).timeout(WAIT);
        this.sip.onRequest(this::take);
    }

    /** Host and port of the server's SIP listener. */
    public static String server() {
        return System.getProperty("openpchat.it.sip", SipStacks.HOST + ":5060");
    }

    /** A client for {@code user} ({@code "alice"} or {@code "alice@example.com"}); nothing sent yet. */
    public static XccosClient connect(String user) {
        return new XccosClient(user, server());
    }

    /** A client for {@code user} talking to the SIP server at {@code hostPort}. */
    public static XccosClient connect(String user, String hostPort) {
        return new XccosClient(user, hostPort);
    }

    /** Connect, REGISTER with the demo password (must give 200), INVITE the pool URI. */
    public static XccosClient login(String user) {
        XccosClient c = connect(user);
        try {
            ReceivedResponse r = c.register(DEMO_PASSWORD);
            if (r.status() != 200) {
                throw new SipFailureException("REGISTER " + user, r);
            }
            c.invite(POOL_URI);
            return c;
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    public String user() {
        return user;
    }

    public String userUri() {
        return userUri;
    }

    public SipTestClient sip() {
        return sip;
    }

    public ClientDialog dialog() {
        return dialog;
    }

    /** How long the await methods wait by default. */
    public XccosClient waitTime(Duration d) {
        this.wait = d;
        return this;
    }

    // ------------------------------------------------------------------------- REGISTER

    /** REGISTER as this user; answers a 407 with Digest (username = the user part, uri = {@code sip:example.com}). */
    public ReceivedResponse register(String password) {
        return register(username, password, "sip:" + DOMAIN, null);
    }

    /**
     * REGISTER {@code sip:example.com} with a Contact and, if {@code expires} is not null, an Expires
     * header. A 407 is answered with Digest credentials ({@code digestUser}, {@code digestUri} as the
     * uri parameter, e.g. {@code "(null)"} like SIPE) when {@code password} is not null; the final
     * response is returned, the challenge is kept ({@link #lastChallenge()}).
     */
    public ReceivedResponse register(String digestUser, String password, String digestUri, Integer expires) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Call-ID", registerCallId);
        headers.put("Contact", "<sip:" + username + "@" + SipStacks.HOST + ":" + sip.port() + ";transport=tcp>");
        if (expires != null) {
            headers.put("Expires", String.valueOf(expires));
        }
        headers.put("CSeq", registerCseq.incrementAndGet() + " REGISTER");
        ReceivedResponse r = sip.send("REGISTER", "sip:" + DOMAIN, headers, null, null);
        if (r.status() == 407) {
            lastChallenge = r;
            if (password != null) {
                headers.put("CSeq", registerCseq.incrementAndGet() + " REGISTER");
                headers.put("Proxy-Authorization", DigestAuth.authorization(
                        DigestAuth.parseChallenge(r.header("Proxy-Authenticate")), digestUser, password, "REGISTER",
                        digestUri, DigestAuth.newCnonce()));
                r = sip.send("REGISTER", "sip:" + DOMAIN, headers, null, null);
            }
        }
        if (r.status() == 200 && password != null) {
            this.password = password;
        }
        return r;
    }

    /** The last 407 received (REGISTER or INVITE), or null. */
    public ReceivedResponse lastChallenge() {
        return lastChallenge;
    }

    /** Uses this password to answer a 407 on SUBSCRIBE/INVITE without a REGISTER first. */
    public XccosClient password(String pw) {
        this.password = pw;
        return this;
    }

    // ------------------------------------------------------------------------- provisioning

    /** SUBSCRIBE to vnd-microsoft-provisioning-v2 (Expires: 0, like SIPE) and wait for the NOTIFY. */
    public Provisioning subscribeProvisioning() {
        return subscribe(PROVISIONING_EVENT);
    }

    /** SUBSCRIBE {@code sip:<user>} to an event; on 2xx waits for the NOTIFY on its Call-ID. */
    public Provisioning subscribe(String event) {
        String callId = UUID.randomUUID() + "@127.0.0.1";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Call-ID", callId);
        headers.put("Event", event);
        headers.put("Accept", PROVISIONING_TYPE);
        headers.put("Expires", "0");
        headers.put("Supported", "com.microsoft.autoextend");
        ReceivedResponse r = sip.send("SUBSCRIBE", userUri, headers, PROVISIONING_TYPE, PROVISIONING_REQUEST);
        if (r.status() == 407 && password != null) {
            headers.put("CSeq", "2 SUBSCRIBE");
            headers.put("Proxy-Authorization", DigestAuth.authorization(
                    DigestAuth.parseChallenge(r.header("Proxy-Authenticate")), username, password, "SUBSCRIBE",
                    userUri, DigestAuth.newCnonce()));
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
                    throw new AssertionError("no NOTIFY on " + callId + " within " + timeout + "; got " + notifies);
                }
                waitOn(left);
            }
        }
    }

    // ------------------------------------------------------------------------- dialog

    /**
     * INVITE (with a small SDP) and ACK; a 407 is answered with Digest credentials when a password
     * is known. Throws {@link SipFailureException} on another final response.
     */
    public ClientDialog invite(String requestUri) {
        ClientDialog d;
        try {
            d = sip.invite(requestUri, Map.of(), "application/sdp", SDP);
        } catch (SipFailureException e) {
            if (e.response().status() != 407 || password == null) {
                throw e;
            }
            lastChallenge = e.response();
            String auth = DigestAuth.authorization(DigestAuth.parseChallenge(e.response().header("Proxy-Authenticate")),
                    username, password, "INVITE", requestUri, DigestAuth.newCnonce());
            d = sip.invite(requestUri, Map.of("Proxy-Authorization", auth), "application/sdp", SDP);
        }
        this.dialog = d;
        return d;
    }

    public ReceivedResponse update() {
        return requireDialog().request("UPDATE", null, null);
    }

    public ReceivedResponse bye() {
        ClientDialog d = requireDialog();
        return d.bye();
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

    /** Sends a command and waits for the reply that names its envid; the INFO must get SIP 200. */
    public Xccos.Reply command(String name, String dataXml) {
        Sent s = send(name, dataXml);
        if (s.sip().status() != 200) {
            throw new SipFailureException("INFO cmd:" + name, s.sip());
        }
        return awaitReplyTo(s.envid());
    }

    /** The reply whose {@code <commandid envid>} is this one. */
    public Xccos.Reply awaitReplyTo(String envid) {
        return await(Xccos.Reply.class, r -> envid.equals(r.commandEnvid()), wait);
    }

    public Xccos.Reply requri() {
        return command("requri", "");
    }

    public Xccos.Reply getServerInfo() {
        return command("getserverinfo", "<sib domain=\"" + DOMAIN + "\" infoType=\"123\"/>");
    }

    /** {@code cmd:chansrch} BYNAME with this criteria ("" = every room the user may see). */
    public Xccos.Reply chansrch(String criteria) {
        return command("chansrch", "<qib qtype=\"BYNAME\" criteria=\"" + XccosXml.escape(criteria)
                + "\" extended=\"false\"/>");
    }

    /** The URI of the room of that exact name, found with chansrch. */
    public String roomUri(String name) {
        Xccos.Reply r = chansrch(name);
        return r.channels().stream().filter(c -> name.equals(c.name())).map(Xccos.Channel::uri).findFirst()
                .orElseThrow(() -> new AssertionError(user + " finds no room " + name + ": " + r));
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
        return command("getinv", "<inv inviteId=\"1\" domain=\"" + DOMAIN + "\"/>");
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
     * returns the INFO's response; a refused post's {@code rpl:grpchat} comes via {@link #awaitReplyTo}.
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

    /** Waits for the first unconsumed item of that type matching, and consumes it. */
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
                    throw new AssertionError(user + ": no matching " + type.getSimpleName() + " within " + timeout
                            + "; received: " + items);
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

    /** Forgets everything received so far (long runs such as benchmarks). */
    public void forgetReceived() {
        synchronized (inbox) {
            inbox.clear();
            items.clear();
            pendingItems.clear();
        }
    }

    /** Sleeps, so that whatever the server would still send arrives before counting. */
    public static void settle(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        } catch (RuntimeException e) {
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
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Best-effort BYE of an open dialog (so the server leaves its rooms), then the stack stops. */
    @Override
    public void close() {
        ClientDialog d = dialog;
        dialog = null;
        if (d != null) {
            try {
                sip.timeout(Duration.ofSeconds(2));
                d.bye();
            } catch (RuntimeException ignored) {
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
