package org.openpchat.sip.container;

import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Refuses, before any session or servlet is looked for, what JAIN-SIP 1.3.0-91 lets through of
 * the broken requests of RFC 4475 (SipTortureIT): a Request-URI that is not sip: or sips: (416),
 * a Call-ID that is not visible ASCII (a NUL byte, a space: 400) and a Via port no socket can
 * have (400). (Another SIP version, which deserves 505, cannot be told: the stack reads any
 * version as SIP/2.0.)
 */
final class RequestScreen {

    record Refusal(int status, String reason) {
    }

    private RequestScreen() {
    }

    /** Why the request is refused, or null. */
    static Refusal refusal(Request request) {
        if (!(request.getRequestURI() instanceof SipURI)) {
            return new Refusal(Response.UNSUPPORTED_URI_SCHEME, "Unsupported URI Scheme");
        }
        CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        if (callId != null && !callId.getCallId().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return new Refusal(Response.BAD_REQUEST, "Bad Request (Call-ID)");
        }
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        if (via != null && via.getPort() > 65535) {
            return new Refusal(Response.BAD_REQUEST, "Bad Request (Via port)");
        }
        return null;
    }
}
