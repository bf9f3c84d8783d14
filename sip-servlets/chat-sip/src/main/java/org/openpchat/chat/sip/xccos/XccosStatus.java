package org.openpchat.chat.sip.xccos;

/** The result codes of XCCOS replies ({@code <resp code="...">TEXT</resp>}). */
public enum XccosStatus {
    OK(200, "SUCCESS_OK"),
    BAD_REQUEST(400, "ERR_BAD_REQUEST"),
    NOT_ALLOWED(403, "ERR_NOT_ALLOWED"),
    NOT_FOUND(404, "ERR_NOT_FOUND"),
    NOT_JOINED(409, "ERR_NOT_JOINED"),
    ROOM_DISABLED(410, "ERR_ROOM_DISABLED"),
    MESSAGE_TOO_LARGE(413, "ERR_MESSAGE_TOO_LARGE"),
    SERVER_ERROR(500, "ERR_SERVER"),
    NOT_IMPLEMENTED(501, "ERR_NOT_IMPLEMENTED");

    private final int code;
    private final String label;

    XccosStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The {@code <resp>} text: the label, then the readable reason a client shows its user. */
    public String text(String reason) {
        return reason == null || reason.isBlank() || this == OK ? label : label + ": " + reason;
    }
}
