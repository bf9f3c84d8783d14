package org.openpchat.client.xccos;

/** An XCCOS exchange did not give what was expected (see the subclasses). */
public class XccosException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public XccosException(String message) {
        super(message);
    }

    public XccosException(String message, Throwable cause) {
        super(message, cause);
    }
}
