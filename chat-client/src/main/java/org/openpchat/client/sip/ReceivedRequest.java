package org.openpchat.client.sip;

import java.util.List;
import java.util.Map;

import gov.nist.javax.sip.message.SIPRequest;

import javax.sip.header.CallIdHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * Immutable view of a request the server sent to the client. {@code transport} is the top Via's
 * transport; {@code remoteHost}/{@code remotePort} are the peer of the socket it came over. Over
 * TCP, {@code remotePort} equal to the server's listening port means it came over the connection
 * the client opened (the server reused it); an ephemeral port means the server opened a new one.
 */
public record ReceivedRequest(String method, String requestUri, String callId, Map<String, List<String>> headers,
        String body, String transport, String remoteHost, int remotePort, Request raw) {

    static ReceivedRequest of(Request r) {
        ViaHeader via = (ViaHeader) r.getHeader(ViaHeader.NAME);
        String host = null;
        int port = -1;
        if (r instanceof SIPRequest s && s.getRemoteAddress() != null) {
            host = s.getRemoteAddress().getHostAddress();
            port = s.getRemotePort();
        }
        return new ReceivedRequest(r.getMethod(), r.getRequestURI().toString(),
                ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId(), Messages.headers(r), Messages.body(r),
                via == null ? null : via.getTransport().toLowerCase(java.util.Locale.ROOT), host, port, r);
    }

    /** First value of a header (name case-insensitive), or null. */
    public String header(String name) {
        return Messages.first(headers, name);
    }

    @Override
    public String toString() {
        return method + " " + requestUri + " (Call-ID " + callId + ", via " + transport + " from " + remoteHost + ":"
                + remotePort + ")";
    }
}
