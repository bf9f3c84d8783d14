package org.openpchat.chat.sip.xccos;

/** A command that fails with an XCCOS result code; the reply carries the code and the reason. */
public class XccosException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final XccosStatus status;

    public XccosException(XccosStatus status, String reason) {
        super(reason);
        this.status = status;
    }

    public XccosStatus status() {
        return status;
    }
}
