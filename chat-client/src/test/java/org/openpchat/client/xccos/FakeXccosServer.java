package org.openpchat.client.xccos;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import gov.nist.javax.sip.message.SIPRequest;

import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.openpchat.client.sip.SipStacks;
import org.openpchat.client.sip.StubListener;

/**
 * A small in-process stand-in for the chat server (TCP on loopback), enough of its contract to test
 * the XCCOS client and the probe without GlassFish. Domain {@value #DOMAIN}; every user has the
 * password {@value #PASSWORD}. REGISTER with Digest (407, then 200 or 403); provisioning SUBSCRIBE
 * (200, then a NOTIFY naming {@link #poolUri}); INVITE (200); in INFO: {@code chansrch} (the rooms
 * whose name contains the criteria), {@code join} (404 for an unknown room), {@code part}, posts
 * (409 unless joined; else sent to every dialog in the room, the author's included), any other
 * command {@code rpl} 200 with a {@code uib} of the pool; UPDATE, BYE; 481 on unknown dialogs, 400 on
 * bodies that are no XCCOS. Failures can be switched on for the failure paths of the tests.
 */
public final class FakeXccosServer implements StubListener, AutoCloseable {

    public static final String DOMAIN = "example.com";
    public static final String PASSWORD = "Passw0rd!";
    public static final String HOST = "127.0.0.1";

    private record Dialog(String clientUri, String clientTag, String serverUri, String serverTag,
            String clientContact, String remoteHost, int remotePort, AtomicLong cseq) {
    }

    /** Requests received, in order. */
    public final List<Request> received = new CopyOnWriteArrayList<>();
    private final Map<String, Dialog> dialogs = new ConcurrentHashMap<>();
    private final Map<String, String> rooms = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> members = new ConcurrentHashMap<>();
    private final Map<String, String> refusedCommands = new ConcurrentHashMap<>();
    private final Set<String> silentCommands = ConcurrentHashMap.newKeySet();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-xccos-sender");
        t.setDaemon(true);
        return t;
    });
    private final HeaderFactory headers = new HeaderFactoryImpl();
    private final AddressFactory addresses = new AddressFactoryImpl();
    private final MessageFactory messages = new MessageFactoryImpl();
    private volatile String poolUri = "sip:pchat@" + DOMAIN;
    private volatile boolean dropPosts;
    private volatile int inviteStatus = 200;
    private SipStacks.Handle handle;
    private SipProvider provider;
    private int port;

    private FakeXccosServer() {
        rooms.put("Lobby", "ma-chan://" + DOMAIN + "/lobby-1");
    }

    public static FakeXccosServer start() {
        FakeXccosServer s = new FakeXccosServer();
        return SipStacks.create("fake-xccos", new Properties(), null, h -> {
            int port = SipStacks.freePort(HOST, false);
            ListeningPoint tcp = h.stack().createListeningPoint(HOST, port, "tcp");
            s.provider = h.stack().createSipProvider(tcp);
            s.provider.addSipListener(s);
            s.handle = h;
            s.port = port;
            h.stack().start();
            return s;
        });
    }

    public int port() {
        return port;
    }

    /** Settings of a client of this server. */
    public XccosSettings settings() {
        return XccosSettings.of(DOMAIN, HOST, port);
    }

    /** Adds a room; returns its URI. */
    public String addRoom(String name) {
        String uri = "ma-chan://" + DOMAIN + "/" + name.toLowerCase().replace(' ', '-') + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        rooms.put(name, uri);
        return uri;
    }

    public String roomUri(String name) {
        return rooms.get(name);
    }

    /** The pool URI the provisioning NOTIFY names; null: it names none. */
    public FakeXccosServer poolUri(String uri) {
        this.poolUri = uri;
        return this;
    }

    /** Answers every chat INVITE with this status (200 by default). */
    public FakeXccosServer inviteStatus(int status) {
        this.inviteStatus = status;
        return this;
    }

    /** Replies to {@code cmd:<command>} with this {@code <resp code>} and text instead. */
    public FakeXccosServer refuse(String command, int code, String text) {
        refusedCommands.put(command, code + "|" + text);
        return this;
    }

    /** Accepts {@code cmd:<command>} (INFO 200) and never replies. */
    public FakeXccosServer silence(String command) {
        silentCommands.add(command);
        return this;
    }

    /** Accepts posts and sends them to nobody. */
    public FakeXccosServer dropPosts() {
        this.dropPosts = true;
        return this;
    }

    /** Back to the start: the failure switches off, no requests, dialogs, members or added rooms. */
    public FakeXccosServer reset() {
        poolUri = "sip:pchat@" + DOMAIN;
        dropPosts = false;
        inviteStatus = 200;
        refusedCommands.clear();
        silentCommands.clear();
        received.clear();
        dialogs.clear();
        members.clear();
        rooms.keySet().retainAll(Set.of("Lobby"));
        return this;
    }

    /** Requests of that method received so far. */
    public List<Request> received(String method) {
        return received.stream().filter(r -> r.getMethod().equals(method)).toList();
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request r = event.getRequest();
        received.add(r);
        String callId = ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
        try {
            switch (r.getMethod()) {
                case Request.ACK -> { }
                case Request.REGISTER -> register(event, r);
                case Request.SUBSCRIBE -> subscribe(event, r, callId);
                case Request.INVITE -> invite(event, r, callId);
                case Request.INFO, Request.UPDATE, Request.BYE -> inDialog(event, r, callId);
                default -> answer(event, 405, null, Map.of());
            }
        } catch (Exception e) {
            System.err.println("fake xccos server: " + r.getMethod() + ": " + e);
        }
    }

    private void register(RequestEvent event, Request r) throws Exception {
        Header auth = r.getHeader("Proxy-Authorization");
        if (auth == null) {
            answer(event, 407, tag(), Map.of("Proxy-Authenticate", "Digest realm=\"" + DOMAIN + "\", nonce=\"n"
                    + tag() + "\", qop=\"auth\", algorithm=MD5"));
            return;
        }
        Map<String, String> p = DigestAuth.parseChallenge(value(auth));
        String user = p.get("username").replaceFirst("@.*", "");
        String expected = DigestAuth.response(p.get("username"), p.get("realm"), PASSWORD, "REGISTER",
                p.get("uri"), p.get("nonce"), p.get("nc"), p.get("cnonce"), p.get("qop"));
        String fromUser = ((FromHeader) r.getHeader(FromHeader.NAME)).getAddress().getURI().toString();
        if (!expected.equals(p.get("response")) || !fromUser.equals("sip:" + user + "@" + DOMAIN)) {
            answer(event, 403, tag(), Map.of());
            return;
        }
        Header expires = r.getHeader("Expires");
        String n = expires == null ? "900" : value(expires);
        answer(event, 200, tag(), Map.of("Expires", n, "Supported", "msrtc-event-categories",
                "Allow-Events", XccosClient.PROVISIONING_EVENT));
    }

    private void subscribe(RequestEvent event, Request r, String callId) throws Exception {
        if (!XccosClient.PROVISIONING_EVENT.equals(value(r.getHeader("Event")))) {
            answer(event, 489, tag(), Map.of());
            return;
        }
        Dialog d = dialogOf(r, tag());
        answer(event, 200, d.serverTag(), Map.of("Expires", "0"));
        String pool = poolUri;
        String body = "<provisionGroupList xmlns=\"http://schemas.microsoft.com/2006/09/sip/provisiongrouplist-"
                + "notification\"><provisionGroup name=\"persistentChatConfiguration\"><propertyEntryList>"
                + "<property name=\"EnablePersistentChat\">true</property>"
                + (pool == null ? "" : "<property name=\"DefaultPersistentChatPoolUri\">" + pool + "</property>")
                + "</propertyEntryList></provisionGroup></provisionGroupList>";
        sender.execute(() -> send(d, callId, Request.NOTIFY, XccosClient.PROVISIONING_TYPE, body,
                Map.of("Event", XccosClient.PROVISIONING_EVENT, "Subscription-State", "terminated")));
    }

    private void invite(RequestEvent event, Request r, String callId) throws Exception {
        Dialog d = dialogOf(r, tag());
        if (inviteStatus != 200) {
            answer(event, inviteStatus, d.serverTag(), Map.of());
            return;
        }
        dialogs.put(callId, d);
        answer(event, 200, d.serverTag(), Map.of("Contact", "<" + d.serverUri() + ">",
                "Session-Expires", "600;refresher=uac"));
    }

    private void inDialog(RequestEvent event, Request r, String callId) throws Exception {
        Dialog d = dialogs.get(callId);
        if (d == null || !d.serverTag().equals(((ToHeader) r.getHeader(ToHeader.NAME)).getTag())) {
            answer(event, 481, null, Map.of());
            return;
        }
        if (r.getMethod().equals(Request.BYE)) {
            dialogs.remove(callId);
            members.values().forEach(m -> m.remove(callId));
        }
        if (!r.getMethod().equals(Request.INFO)) {
            answer(event, 200, null, Map.of());
            return;
        }
        Xccos.Envelope env;
        try {
            env = XccosXml.parse(new String(r.getRawContent(), StandardCharsets.UTF_8));
        } catch (XccosException e) {
            answer(event, 400, null, Map.of());
            return;
        }
        Xccos.GrpChat post = env.items(Xccos.GrpChat.class).stream().findFirst().orElse(null);
        if (post != null && !members.getOrDefault(post.chanUri(), Set.of()).contains(callId)) {
            answer(event, 409, null, Map.of());
            reply(d, callId, rpl("grpchat", post.seqid(), env.envid(), 409, "ERR_NOT_JOINED: join the room first",
                    ""));
            return;
        }
        answer(event, 200, null, Map.of());
        for (Xccos.Item item : env.items()) {
            if (item instanceof Xccos.Command c && !silentCommands.contains(c.name())) {
                reply(d, callId, commandReply(c, env.envid(), callId));
            } else if (item instanceof Xccos.GrpChat g && !dropPosts) {
                String fanOut = "<grpchat id=\"grpchat\" seqid=\"1\" chanUri=\"" + XccosXml.escape(g.chanUri())
                        + "\" author=\"" + d.clientUri() + "\" ts=\"2026-01-01T00:00:00.1234567Z\"><chat>"
                        + XccosXml.escape(g.text()) + "</chat></grpchat>";
                for (String member : members.getOrDefault(g.chanUri(), Set.of())) {
                    Dialog to = dialogs.get(member);
                    if (to != null) {
                        reply(to, member, fanOut);
                    }
                }
            }
        }
    }

    private String commandReply(Xccos.Command c, String envid, String callId) {
        String refused = refusedCommands.get(c.name());
        if (refused != null) {
            int bar = refused.indexOf('|');
            return rpl(c.name(), c.seqid(), envid, Integer.parseInt(refused.substring(0, bar)),
                    refused.substring(bar + 1), "");
        }
        switch (c.name()) {
            case "chansrch": {
                String criteria = c.data().child("qib").map(q -> q.attr("criteria")).orElse("");
                StringBuilder found = new StringBuilder();
                rooms.forEach((name, uri) -> {
                    if (name.contains(criteria)) {
                        found.append("<chanib uri=\"").append(XccosXml.escape(uri)).append("\" name=\"")
                                .append(XccosXml.escape(name)).append("\"/>");
                    }
                });
                return rpl("chansrch", c.seqid(), envid, 200, "SUCCESS_OK", found.toString());
            }
            case "join": {
                String uri = c.data().child("chanid").map(id -> "ma-chan://" + id.attr("domain") + "/" + id.attr("value"))
                        .orElse("");
                if (!rooms.containsValue(uri)) {
                    return rpl("join", c.seqid(), envid, 404, "ERR_NOT_FOUND: no such room", "");
                }
                members.computeIfAbsent(uri, k -> ConcurrentHashMap.newKeySet()).add(callId);
                return rpl("join", c.seqid(), envid, 200, "SUCCESS_OK", "<chanib uri=\"" + XccosXml.escape(uri)
                        + "\"/>");
            }
            case "part": {
                String uri = c.data().child("chanib").map(ch -> ch.attr("uri")).orElse("");
                members.getOrDefault(uri, Set.of()).remove(callId);
                return rpl("part", c.seqid(), envid, 200, "SUCCESS_OK", "<chanib uri=\"" + XccosXml.escape(uri)
                        + "\"/>");
            }
            default:
                return rpl(c.name(), c.seqid(), envid, 200, "SUCCESS_OK", "<uib uri=\"sip:pchat@" + DOMAIN + "\"/>");
        }
    }

    private static String rpl(String name, String seqid, String envid, int code, String text, String data) {
        return "<rpl id=\"rpl:" + name + "\" seqid=\"" + seqid + "\"><commandid seqid=\"" + seqid + "\" envid=\""
                + envid + "\"/><resp code=\"" + code + "\">" + XccosXml.escape(text) + "</resp><data>" + data
                + "</data></rpl>";
    }

    private void reply(Dialog d, String callId, String item) {
        String body = XccosXml.envelope(String.valueOf(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE), item);
        sender.execute(() -> send(d, callId, Request.INFO, "text/plain; charset=UTF-8", body, Map.of()));
    }

    private Dialog dialogOf(Request r, String serverTag) {
        FromHeader from = (FromHeader) r.getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        ContactHeader contact = (ContactHeader) r.getHeader(ContactHeader.NAME);
        SIPRequest sr = (SIPRequest) r;
        return new Dialog(from.getAddress().getURI().toString(), from.getTag(), to.getAddress().getURI().toString(),
                serverTag, contact.getAddress().getURI().toString(), sr.getRemoteAddress().getHostAddress(),
                sr.getRemotePort(), new AtomicLong());
    }

    /** An in-dialog request to the client over its own connection (Route to the peer address). */
    private void send(Dialog d, String callId, String method, String contentType, String body,
            Map<String, String> extra) {
        try {
            Request r = messages.createRequest(addresses.createURI(d.clientContact()), method,
                    headers.createCallIdHeader(callId), headers.createCSeqHeader(d.cseq().incrementAndGet(), method),
                    headers.createFromHeader(addresses.createAddress(d.serverUri()), d.serverTag()),
                    headers.createToHeader(addresses.createAddress(d.clientUri()), d.clientTag()),
                    List.of(headers.createViaHeader(HOST, port, "tcp", "z9hG4bK" + tag())),
                    headers.createMaxForwardsHeader(70));
            r.addHeader(headers.createRouteHeader(addresses.createAddress(
                    "<sip:" + d.remoteHost() + ":" + d.remotePort() + ";transport=tcp;lr>")));
            for (Map.Entry<String, String> e : extra.entrySet()) {
                r.addHeader(headers.createHeader(e.getKey(), e.getValue()));
            }
            r.setContent(body.getBytes(StandardCharsets.UTF_8),
                    (javax.sip.header.ContentTypeHeader) headers.createHeader("Content-Type", contentType));
            provider.getNewClientTransaction(r).sendRequest();
        } catch (Exception e) {
            System.err.println("fake xccos server: cannot send " + method + ": " + e);
        }
    }

    private void answer(RequestEvent event, int status, String toTag, Map<String, String> extra) throws Exception {
        Request r = event.getRequest();
        Response resp = messages.createResponse(status, r);
        if (toTag != null && ((ToHeader) resp.getHeader(ToHeader.NAME)).getTag() == null) {
            ((ToHeader) resp.getHeader(ToHeader.NAME)).setTag(toTag);
        }
        for (Map.Entry<String, String> e : extra.entrySet()) {
            resp.addHeader(headers.createHeader(e.getKey(), e.getValue()));
        }
        ServerTransaction st = event.getServerTransaction();
        if (st == null) {
            st = provider.getNewServerTransaction(r);
        }
        st.sendResponse(resp);
    }

    private static String value(Header h) {
        String s = h.toString().trim();
        return s.substring(s.indexOf(':') + 1).trim();
    }

    private static String tag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    @Override
    public void close() {
        sender.shutdownNow();
        SipStacks.stop(handle);
    }
}
