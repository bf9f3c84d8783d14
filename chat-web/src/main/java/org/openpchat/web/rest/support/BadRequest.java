package org.openpchat.web.rest.support;

/** A request the API refuses as malformed; {@code field} names the offending field when there is one. */
public class BadRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final int status;

    public BadRequest(String field, String message) {
        this(400, field, message);
    }

    public BadRequest(int status, String field, String message) {
        super(field == null ? message : "field '" + field + "': " + message);
        this.field = field;
        this.status = status;
    }

    public String field() {
        return field;
    }

    public int status() {
        return status;
    }
}
