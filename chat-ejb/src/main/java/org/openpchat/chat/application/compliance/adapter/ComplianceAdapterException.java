package org.openpchat.chat.application.compliance.adapter;

/** An adapter could not write a batch; the batch stays unprocessed. */
public class ComplianceAdapterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ComplianceAdapterException(String message, Throwable cause) {
        super(message, cause);
    }

    public ComplianceAdapterException(String message) {
        super(message);
    }
}
