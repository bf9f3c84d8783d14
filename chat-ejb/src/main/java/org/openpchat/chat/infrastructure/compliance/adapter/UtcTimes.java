package org.openpchat.chat.infrastructure.compliance.adapter;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The three renderings of a time in Lync's compliance XML: milliseconds since 1970, an ISO string
 * with 100-ns precision, and .NET ticks (100 ns since 0001-01-01).
 */
final class UtcTimes {

    private static final long TICKS_AT_EPOCH = 621_355_968_000_000_000L;
    private static final DateTimeFormatter STRING = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private UtcTimes() {
    }

    static String since1970(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    static String string(Instant instant) {
        return STRING.format(instant);
    }

    static String ticks(Instant instant) {
        return Long.toString(TICKS_AT_EPOCH + instant.getEpochSecond() * 10_000_000L + instant.getNano() / 100);
    }
}
