package org.openpchat.chat.sip.xccos;

/** The body is not an XCCOS document this server accepts; the INFO is refused with 400. */
public class MalformedXccosException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedXccosException(String message) {
        super(message);
    }

    public MalformedXccosException(String message, Throwable cause) {
        super(message, cause);
    }
}
