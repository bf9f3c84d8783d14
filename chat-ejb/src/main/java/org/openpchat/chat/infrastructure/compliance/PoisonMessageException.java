package org.openpchat.chat.infrastructure.compliance;

/** A compliance queue message that can never be stored, whatever the number of retries. */
public class PoisonMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    public PoisonMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public PoisonMessageException(String reason) {
        super(reason);
    }
}
