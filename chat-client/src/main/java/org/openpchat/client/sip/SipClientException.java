package org.openpchat.client.sip;

/**
 * A SIP request could not be completed: the client could not start, the server could not be
 * reached, the connection failed or the client was closed. What the server answered is never
 * reported this way (see {@link SipFailureException}, {@link SipTimeoutException}).
 */
public class SipClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SipClientException(String message) {
        super(message);
    }

    public SipClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
