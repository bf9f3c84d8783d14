package org.openpchat.client.sip;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import gov.nist.javax.sip.message.SIPRequest;

import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Plain JAIN-SIP UAS for the client's unit tests: UDP and TCP on one free port,
 * answers OPTIONS 200, INVITE 200 (486 if the Request-URI user is "busy"), in-dialog
 * INFO/UPDATE/MESSAGE/BYE 200 on known dialogs and 481 otherwise; can send an in-dialog INFO
 * back to the client, over TCP on the client's own connection.
 */
final class SipUasStub implements StubListener, AutoCloseable {

    static final String HOST = "127.0.0.1";

    /** What the stub knows of a dialog the client opened. */
    record StubDialog(String clientUri, String clientTag, String stubTag, String clientContact, String transport,
            String remoteHost, int remotePort, AtomicLong cseq) {
    }

    final List<Request> received = new CopyOnWriteArrayList<>();
    final Map<String, StubDialog> dialogs = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Response>> waiting = new ConcurrentHashMap<>();
    private SipStacks.Handle handle;
    private SipProvider provider;
    private int port;
    private final HeaderFactory headers = new HeaderFactoryImpl();
    private final AddressFactory addresses = new AddressFactoryImpl();
    private final MessageFactory messages = new MessageFactoryImpl();

    private SipUasStub() {
    }

    static SipUasStub start() {
        SipUasStub stub = new SipUasStub();
        return SipStacks.create("uas-stub", new Properties(), null, h -> {
            int port = SipStacks.freePort(HOST, true);
            ListeningPoint udp = h.stack().createListeningPoint(HOST, port, "udp");
            ListeningPoint tcp = h.stack().createListeningPoint(HOST, port, "tcp");
            stub.provider = h.stack().createSipProvider(udp);
            stub.provider.addListeningPoint(tcp);
            stub.provider.addSipListener(stub);
            stub.handle = h;
            stub.port = port;
            h.stack().start();
            return stub;
        });
    }

    int port() {
        return port;
    }

    String uri(String user, String transport) {
        return "sip:" + user + "@" + HOST + ":" + port + ";transport=" + transport;
    }

    List<Request> received(String method) {
        return received.stream().filter(r -> r.getMethod().equals(method)).toList();
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request r = event.getRequest();
        received.add(r);
        String method = r.getMethod();
        String callId = ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
        try {
            switch (method) {
                case Request.ACK -> { }
                case Request.OPTIONS -> answer(event, 200, null);
                case Request.INVITE -> invite(event, r, callId);
                case Request.INFO, Request.UPDATE, Request.MESSAGE, Request.BYE -> {
                    StubDialog d = dialogs.get(callId);
                    String fromTag = ((FromHeader) r.getHeader(FromHeader.NAME)).getTag();
                    String toTag = ((ToHeader) r.getHeader(ToHeader.NAME)).getTag();
                    if (d == null || !d.clientTag().equals(fromTag) || !d.stubTag().equals(toTag)) {
                        answer(event, 481, null);
                    } else {
                        if (method.equals(Request.BYE)) {
                            dialogs.remove(callId);
                        }
                        answer(event, 200, null);
                    }
                }
                default -> answer(event, 405, null);
            }
        } catch (javax.sip.SipException e) {
            // JAIN-SIP (NIO TCP) can throw "Socket is closed" from sendResponse although the
            // response went out, when the peer closes right after reading it: not a failure here
            if (!String.valueOf(e.getMessage()).contains("Socket is closed")) {
                System.err.println("stub: cannot answer " + method + " " + callId + ": " + e);
            }
        } catch (Exception e) {
            System.err.println("stub: cannot answer " + method + " " + callId + " "
                    + r.getHeader(ViaHeader.NAME).toString().trim() + " " + r.getHeader("CSeq").toString().trim() + ": " + e);
        }
    }

    private void invite(RequestEvent event, Request r, String callId) throws Exception {
        if ("busy".equals(((SipURI) r.getRequestURI()).getUser())) {
            answer(event, 486, Messages.tag());
            return;
        }
        String transport = ((ViaHeader) r.getHeader(ViaHeader.NAME)).getTransport().toLowerCase();
        SIPRequest sr = (SIPRequest) r;
        FromHeader from = (FromHeader) r.getHeader(FromHeader.NAME);
        ContactHeader contact = (ContactHeader) r.getHeader(ContactHeader.NAME);
        StubDialog d = new StubDialog(from.getAddress().getURI().toString(), from.getTag(), Messages.tag(),
                contact.getAddress().getURI().toString(), transport, sr.getRemoteAddress().getHostAddress(),
                sr.getRemotePort(), new AtomicLong());
        dialogs.put(callId, d);
        answer(event, 200, d.stubTag());
    }

    private void answer(RequestEvent event, int status, String toTag) throws Exception {
        Request r = event.getRequest();
        Response resp = messages.createResponse(status, r);
        if (toTag != null) {
            ((ToHeader) resp.getHeader(ToHeader.NAME)).setTag(toTag);
        }
        if (r.getMethod().equals(Request.INVITE) && status == 200) {
            String transport = ((ViaHeader) r.getHeader(ViaHeader.NAME)).getTransport().toLowerCase();
            resp.addHeader(headers.createContactHeader(addresses.createAddress(uri("stub", transport))));
        }
        ServerTransaction st = event.getServerTransaction();
        if (st == null) {
            st = provider.getNewServerTransaction(r);
        }
        st.sendResponse(resp);
    }

    /**
     * Sends an in-dialog INFO to the client and returns its final response. Over TCP a Route to
     * the peer address of the client's connection makes JAIN-SIP reuse that cached connection.
     */
    Response sendInfo(String callId, String body) throws Exception {
        StubDialog d = dialogs.get(callId);
        Request r = messages.createRequest(addresses.createURI(d.clientContact()), Request.INFO,
                headers.createCallIdHeader(callId), headers.createCSeqHeader(d.cseq().incrementAndGet(), Request.INFO),
                headers.createFromHeader(addresses.createAddress("sip:stub@" + HOST), d.stubTag()),
                headers.createToHeader(addresses.createAddress(d.clientUri()), d.clientTag()),
                List.of(headers.createViaHeader(HOST, port, d.transport(), Messages.branch())),
                headers.createMaxForwardsHeader(70));
        if (d.transport().equals("tcp")) {
            r.addHeader(headers.createRouteHeader(addresses.createAddress(
                    "<sip:" + d.remoteHost() + ":" + d.remotePort() + ";transport=tcp;lr>")));
        }
        r.setContent(body.getBytes(StandardCharsets.UTF_8),
                headers.createContentTypeHeader("text", "plain"));
        CompletableFuture<Response> f = new CompletableFuture<>();
        String key = Messages.key(r);
        waiting.put(key, f);
        try {
            provider.getNewClientTransaction(r).sendRequest();
            return f.get(5, TimeUnit.SECONDS);
        } finally {
            waiting.remove(key);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response r = event.getResponse();
        CompletableFuture<Response> f = waiting.get(Messages.key(r));
        if (f != null && r.getStatusCode() >= 200) {
            f.complete(r);
        }
    }

    @Override
    public void close() {
        SipStacks.stop(handle);
    }
}
