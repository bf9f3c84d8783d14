package org.openpchat.client.sip;

/** A request got a final response the caller did not accept (e.g. a non-2xx answer to INVITE). */
public class SipFailureException extends SipClientException {

    private static final long serialVersionUID = 1L;
    private final transient ReceivedResponse response;

    public SipFailureException(String message, ReceivedResponse response) {
        super(message + ": " + response);
        this.response = response;
    }

    public ReceivedResponse response() {
        return response;
    }
}
