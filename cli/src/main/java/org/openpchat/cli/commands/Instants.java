package org.openpchat.cli.commands;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.TypeConversionException;

/** Instants on the command line: {@code 2026-11-30T12:00:00Z}, with an offset, or a date (its midnight UTC). */
public final class Instants {

    private Instants() {
    }

    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new TypeConversionException("'" + text + "' is not a time such as 2026-11-30T00:00:00Z"
                        + " or a date such as 2026-11-30 (midnight UTC)");
            }
        }
    }
}
