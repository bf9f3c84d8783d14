package org.openpchat.client.xccos;

/** The server did not send the reply, post or NOTIFY waited for in time. */
public class XccosTimeoutException extends XccosException {

    private static final long serialVersionUID = 1L;

    public XccosTimeoutException(String message) {
        super(message);
    }
}
