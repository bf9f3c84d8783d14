package org.openpchat.chat.application.transfer;

import java.io.Serializable;
import java.time.Instant;

/** The first entry of an export archive: what it is and what it holds. */
public record Manifest(String format, int version, String level, Instant since, Instant exportedAt,
        String sipDomain) implements Serializable {

    public static final String FORMAT = "openpchat-export";
    public static final int VERSION = 1;
}
