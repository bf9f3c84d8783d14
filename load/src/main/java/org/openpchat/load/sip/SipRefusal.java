package org.openpchat.load.sip;

import gov.nist.javax.sip.message.SIPResponse;

/** The server answered a request with a final response other than 200. */
public final class SipRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    SipRefusal(String what, SIPResponse response) {
        super(what + ": " + response.getStatusCode() + " " + response.getReasonPhrase(), null, false, false);
        this.status = response.getStatusCode();
    }

    public int status() {
        return status;
    }
}
