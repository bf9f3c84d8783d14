package org.openpchat.web.rest.support;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.openpchat.chat.application.EnumText;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.DomainException;

/** Query parameters read strictly: a bad value is a 400 naming the parameter. */
public final class Queries {

    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 10_000;

    private Queries() {
    }

    public static boolean bool(String name, String value) {
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        if ("false".equalsIgnoreCase(value)) {
            return false;
        }
        throw new BadRequest(name, "must be true or false");
    }

    public static int integer(String name, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw new BadRequest(name, "must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new BadRequest(name, "must be a whole number");
        }
    }

    public static int limit(String value) {
        return value == null ? DEFAULT_LIMIT : integer("limit", value, 1, MAX_LIMIT);
    }

    /** Get-CsPersistentChatEligiblePrincipal's ResultSize: 100 unless asked, at most 1000. */
    public static int eligibleLimit(String value) {
        return value == null ? 100 : integer("limit", value, 1, 1000);
    }

    public static int offset(String value) {
        return value == null ? 0 : integer("offset", value, 0, Integer.MAX_VALUE);
    }

    public static Long messageId(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id < 0) {
                throw new BadRequest(name, "must not be negative");
            }
            return id;
        } catch (NumberFormatException e) {
            throw new BadRequest(name, "must be a message id (a whole number)");
        }
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> new BadRequest(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                        .map(EnumText::of).collect(Collectors.joining(", "))));
    }

    public static PrincipalId principal(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return PrincipalId.parse(value);
        } catch (DomainException e) {
            throw new BadRequest(name, e.getMessage());
        }
    }

    public static Instant instant(String name, String value) {
        try {
            return value == null ? null : Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest(name, "must be an ISO 8601 instant such as 2026-11-30T12:00:00Z");
        }
    }
}
