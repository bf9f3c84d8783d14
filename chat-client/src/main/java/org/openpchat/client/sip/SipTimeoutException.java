package org.openpchat.client.sip;

/** No final response (or no expected request from the server) arrived in time. */
public class SipTimeoutException extends SipClientException {

    private static final long serialVersionUID = 1L;

    public SipTimeoutException(String message) {
        super(message);
    }
}
