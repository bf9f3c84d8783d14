package org.openpchat.chat.domain.shared;

/**
 * A rule of the chat domain was broken. The reason lets each protocol layer pick its own code
 * (XCCOS resp code, HTTP status) without parsing messages.
 */
public class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason { NOT_FOUND, FORBIDDEN, DISABLED, CONFLICT, INVALID }

    private final Reason reason;

    public DomainException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static DomainException notFound(String message) {
        return new DomainException(Reason.NOT_FOUND, message);
    }

    public static DomainException forbidden(String message) {
        return new DomainException(Reason.FORBIDDEN, message);
    }

    /** The target exists but an administrator switched it off (a disabled room). */
    public static DomainException disabled(String message) {
        return new DomainException(Reason.DISABLED, message);
    }

    public static DomainException conflict(String message) {
        return new DomainException(Reason.CONFLICT, message);
    }

    public static DomainException invalid(String message) {
        return new DomainException(Reason.INVALID, message);
    }
}
