package org.openpchat.cli;

import java.util.List;

/** Ends the command: one line (plus optional detail lines) on stderr and an exit code. */
public class CliException extends RuntimeException {

    private final int exitCode;
    private final List<String> details;

    public CliException(int exitCode, String message) {
        this(exitCode, message, List.of(), null);
    }

    public CliException(int exitCode, String message, Throwable cause) {
        this(exitCode, message, List.of(), cause);
    }

    public CliException(int exitCode, String message, List<String> details, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.details = List.copyOf(details);
    }

    public int exitCode() {
        return exitCode;
    }

    /** Lines printed after the message, e.g. each conflicting name of a refused import. */
    public List<String> details() {
        return details;
    }
}
