package org.openpchat.cli;

/** The exit codes scripts can rely on; {@code pchat --help} and the README list them. */
public final class ExitCodes {

    public static final int SUCCESS = 0;
    /**
     * A local problem: a file that cannot be read or written, a password file others can read, an answer
     * the CLI does not understand.
     */
    public static final int LOCAL_ERROR = 1;
    /** Unknown command or option, missing or contradicting arguments or connection settings. */
    public static final int USAGE = 2;
    /** 401 or 403. */
    public static final int NOT_ALLOWED = 3;
    /** 404. */
    public static final int NOT_FOUND = 4;
    /** 409 or 412. */
    public static final int CONFLICT = 5;
    /** 400, 413, 415 and any other refused request. */
    public static final int INVALID = 6;
    /** 429. */
    public static final int THROTTLED = 7;
    /** 5xx, the server unreachable, a TLS failure. */
    public static final int SERVER = 8;
    /** A job ended failed or with errors, or the message test failed. */
    public static final int FAILED = 9;

    private ExitCodes() {
    }

    public static int forStatus(int status) {
        return switch (status) {
            case 401, 403 -> NOT_ALLOWED;
            case 404 -> NOT_FOUND;
            case 409, 412 -> CONFLICT;
            case 429 -> THROTTLED;
            default -> status >= 500 ? SERVER : status >= 400 ? INVALID : LOCAL_ERROR;
        };
    }
}
