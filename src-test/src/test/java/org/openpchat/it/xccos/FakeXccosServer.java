package org.openpchat.it.xccos;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import gov.nist.javax.sip.message.SIPRequest;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
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

import org.openpchat.it.sip.client.SipStacks;

/**
 * A tiny in-process stand-in for the chat server (TCP only), just enough of the contract to test
 * the XCCOS client's plumbing without GlassFish: Digest REGISTER (password {@code Passw0rd!}),
 * provisioning SUBSCRIBE + NOTIFY, INVITE, INFO answered 200 then a server INFO with the reply
 * ({@code cmd:x} gives {@code rpl:x} 200 with a {@code uib} of the pool; a grpchat is echoed),
 * UPDATE/BYE, 481 on unknown dialogs, 400 on bodies that are no XCCOS.
 */
final class FakeXccosServer implements SipListener, AutoCloseable {

    private record Dialog(String clientUri, String clientTag, String serverUri, String serverTag,
            String clientContact, String remoteHost, int remotePort, AtomicLong cseq) {
    }

    final List<Request> received = new CopyOnWriteArrayList<>();
    private final Map<String, Dialog> dialogs = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-xccos-sender");
        t.setDaemon(true);
        return t;
    });
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final MessageFactory messages;
    private SipStacks.Handle handle;
    private SipProvider provider;
    private int port;

    private FakeXccosServer() throws Exception {
        SipFactory f = SipFactory.getInstance();
        headers = f.createHeaderFactory();
        addresses = f.createAddressFactory();
        messages = f.createMessageFactory();
    }

    static FakeXccosServer start() throws Exception {
        FakeXccosServer s = new FakeXccosServer();
        return SipStacks.create("fake-xccos", new Properties(), h -> {
            int port = SipStacks.freePort(true, false);
            ListeningPoint tcp = h.stack().createListeningPoint(SipStacks.HOST, port, "tcp");
            s.provider = h.stack().createSipProvider(tcp);
            s.provider.addSipListener(s);
            s.handle = h;
            s.port = port;
            h.stack().start();
            return s;
        });
    }

    String hostPort() {
        return SipStacks.HOST + ":" + port;
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
            answer(event, 407, tag(), Map.of("Proxy-Authenticate", "Digest realm=\"example.com\", nonce=\"n"
                    + tag() + "\", qop=\"auth\", algorithm=MD5"));
            return;
        }
        Map<String, String> p = DigestAuth.parseChallenge(value(auth));
        String user = p.get("username").replaceFirst("@.*", "");
        String expected = DigestAuth.response(p.get("username"), p.get("realm"), "Passw0rd!", "REGISTER",
                p.get("uri"), p.get("nonce"), p.get("nc"), p.get("cnonce"), p.get("qop"));
        String fromUser = ((FromHeader) r.getHeader(FromHeader.NAME)).getAddress().getURI().toString();
        if (!expected.equals(p.get("response")) || !fromUser.equals("sip:" + user + "@example.com")) {
            answer(event, 403, tag(), Map.of());
            return;
        }
        Header expires = r.getHeader("Expires");
        String n = expires == null ? "900" : value(expires);
        answer(event, 200, tag(), Map.of("Expires", n, "Supported", "msrtc-event-categories",
                "Allow-Events", "vnd-microsoft-provisioning-v2"));
    }

    private void subscribe(RequestEvent event, Request r, String callId) throws Exception {
        if (!XccosClient.PROVISIONING_EVENT.equals(value(r.getHeader("Event")))) {
            answer(event, 489, tag(), Map.of());
            return;
        }
        Dialog d = dialogOf(r, tag());
        answer(event, 200, d.serverTag(), Map.of("Expires", "0"));
        String body = "<provisionGroupList xmlns=\"http://schemas.microsoft.com/2006/09/sip/provisiongrouplist-"
                + "notification\"><provisionGroup name=\"persistentChatConfiguration\"><propertyEntryList>"
                + "<property name=\"EnablePersistentChat\">true</property>"
                + "<property name=\"DefaultPersistentChatPoolUri\">" + XccosClient.POOL_URI + "</property>"
                + "</propertyEntryList></provisionGroup></provisionGroupList>";
        sender.execute(() -> send(d, callId, Request.NOTIFY, XccosClient.PROVISIONING_TYPE, body,
                Map.of("Event", XccosClient.PROVISIONING_EVENT, "Subscription-State", "terminated")));
    }

    private void invite(RequestEvent event, Request r, String callId) throws Exception {
        Dialog d = dialogOf(r, tag());
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
        }
        if (!r.getMethod().equals(Request.INFO)) {
            answer(event, 200, null, Map.of());
            return;
        }
        Xccos.Envelope env;
        try {
            env = XccosXml.parse(new String(r.getRawContent(), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            answer(event, 400, null, Map.of());
            return;
        }
        answer(event, 200, null, Map.of());
        for (Xccos.Item item : env.items()) {
            String reply;
            if (item instanceof Xccos.Command c) {
                reply = "<rpl id=\"rpl:" + c.name() + "\" seqid=\"" + c.seqid() + "\"><commandid seqid=\""
                        + c.seqid() + "\" envid=\"" + env.envid() + "\"/><resp code=\"200\">SUCCESS_OK</resp><data>"
                        + "<uib uri=\"" + XccosClient.POOL_URI + "\"/></data></rpl>";
            } else if (item instanceof Xccos.GrpChat g) {
                reply = "<grpchat id=\"grpchat\" seqid=\"1\" chanUri=\"" + XccosXml.escape(g.chanUri()) + "\" author=\""
                        + d.clientUri() + "\" ts=\"2026-01-01T00:00:00.1234567Z\"><chat>" + XccosXml.escape(g.text())
                        + "</chat></grpchat>";
            } else {
                continue;
            }
            String body = XccosXml.envelope(String.valueOf(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE),
                    reply);
            sender.execute(() -> send(d, callId, Request.INFO, "text/plain; charset=UTF-8", body, Map.of()));
        }
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
                    List.of(headers.createViaHeader(SipStacks.HOST, port, "tcp",
                            "z9hG4bK" + tag())),
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
    public void processResponse(ResponseEvent event) {
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    @Override
    public void close() {
        sender.shutdownNow();
        SipStacks.stop(handle);
    }
}
