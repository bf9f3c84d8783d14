package org.openpchat.web.rest.support;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.openpchat.chat.application.EnumText;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * The fields of a request's JSON object, read strictly: every problem is a 400 that names the
 * field. A field that is absent or null reads as null (unchanged in a PATCH).
 */
public final class JsonFields {

    private final JsonObject object;

    JsonFields(JsonObject object) {
        this.object = object;
    }

    /** Refuses any field not in the list. */
    /** {@link #allow(String...)} for a resource's settings and the few fields only creation takes. */
    public JsonFields allow(String[] settings, String... more) {
        String[] names = Arrays.copyOf(settings, settings.length + more.length);
        System.arraycopy(more, 0, names, settings.length, more.length);
        return allow(names);
    }

    public JsonFields allow(String... names) {
        Set<String> allowed = Set.of(names);
        for (String key : object.keySet()) {
            if (!allowed.contains(key)) {
                throw new BadRequest(key, "unknown field; the fields are " + String.join(", ", names));
            }
        }
        return this;
    }

    public JsonFields require(String... names) {
        for (String name : names) {
            if (absent(name)) {
                throw new BadRequest(name, "is required");
            }
        }
        return this;
    }

    public boolean has(String name) {
        return object.containsKey(name);
    }

    public String string(String name, int maxLength) {
        if (absent(name)) {
            return null;
        }
        if (!(object.get(name) instanceof JsonString text)) {
            throw new BadRequest(name, "must be a string");
        }
        if (text.getString().length() > maxLength) {
            throw new BadRequest(name, "is longer than " + maxLength + " characters");
        }
        return text.getString();
    }

    public Boolean bool(String name) {
        if (absent(name)) {
            return null;
        }
        JsonValue value = object.get(name);
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        throw new BadRequest(name, "must be true or false");
    }

    public Integer integer(String name, int min, int max) {
        if (absent(name)) {
            return null;
        }
        if (!(object.get(name) instanceof JsonNumber number) || !number.isIntegral()) {
            throw new BadRequest(name, "must be a whole number");
        }
        long value = number.longValue();
        if (value < min || value > max) {
            throw new BadRequest(name, "must be between " + min + " and " + max);
        }
        return (int) value;
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String text = string(name, 64);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.strip())) {
                return constant;
            }
        }
        throw new BadRequest(name, "must be one of " + Arrays.stream(type.getEnumConstants()).map(EnumText::of)
                .collect(Collectors.joining(", ")));
    }

    public Instant instant(String name) {
        String text = string(name, 64);
        try {
            return text == null ? null : Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest(name, "must be an ISO 8601 instant such as 2026-11-30T12:00:00Z");
        }
    }

    public Duration duration(String name) {
        String text = string(name, 64);
        try {
            return text == null ? null : Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest(name, "must be an ISO 8601 duration such as PT15M");
        }
    }

    /** A plain array of principals, as in a creation. */
    public Set<PrincipalId> principals(String name) {
        return principals(name, (String) null);
    }

    /** A creation's list: the array as a replacement of the (empty) list, or null when absent. */
    public AccessList initialList(String name) {
        Set<PrincipalId> ids = principals(name);
        return ids == null ? null : AccessList.replacing(ids);
    }

    /** Principals written without a prefix get {@code barePrefix}, e.g. group names in a user's groups. */
    public Set<PrincipalId> principals(String name, String barePrefix) {
        if (absent(name)) {
            return null;
        }
        if (!(object.get(name) instanceof JsonArray array)) {
            throw new BadRequest(name, "must be an array of principals");
        }
        return principals(name, array, barePrefix);
    }

    /**
     * A list modifier: {@code {"add": [...], "remove": [...]}} or {@code {"replace": [...]}}. A plain
     * array is refused: say which of the three is meant.
     */
    public AccessList listChange(String name) {
        return listChange(name, null);
    }

    public AccessList listChange(String name, String barePrefix) {
        if (absent(name)) {
            return null;
        }
        if (!(object.get(name) instanceof JsonObject change)) {
            throw new BadRequest(name, "must be a list modifier: {\"add\": [...]}, {\"remove\": [...]}"
                    + " or {\"replace\": [...]}");
        }
        for (String key : change.keySet()) {
            if (!Set.of("add", "remove", "replace").contains(key)) {
                throw new BadRequest(name + "." + key, "unknown modifier; use add, remove or replace");
            }
        }
        Set<PrincipalId> add = modifier(name, change, "add", barePrefix);
        Set<PrincipalId> remove = modifier(name, change, "remove", barePrefix);
        Set<PrincipalId> replace = modifier(name, change, "replace", barePrefix);
        if (replace != null && (add != null || remove != null)) {
            throw new BadRequest(name, "replace cannot be combined with add or remove");
        }
        return new AccessList(add, remove, replace);
    }

    /**
     * A list of plain names (the pool's active servers): a plain array, which replaces the list,
     * or a list modifier as for principals; null when absent. Each name is a string of at most
     * {@code maxLength} characters; what a name may be is the use case's to say.
     */
    public NameListChange nameListChange(String name, int maxLength) {
        if (absent(name)) {
            return null;
        }
        JsonValue value = object.get(name);
        if (value instanceof JsonArray array) {
            return new NameListChange(List.of(), List.of(), names(name, array, maxLength));
        }
        if (!(value instanceof JsonObject change)) {
            throw new BadRequest(name, "must be an array of names, the whole new list, or a list modifier:"
                    + " {\"add\": [...]}, {\"remove\": [...]} or {\"replace\": [...]}");
        }
        for (String key : change.keySet()) {
            if (!Set.of("add", "remove", "replace").contains(key)) {
                throw new BadRequest(name + "." + key, "unknown modifier; use add, remove or replace");
            }
        }
        List<String> add = names(name, change, "add", maxLength);
        List<String> remove = names(name, change, "remove", maxLength);
        List<String> replace = names(name, change, "replace", maxLength);
        if (replace != null && (add != null || remove != null)) {
            throw new BadRequest(name, "replace cannot be combined with add or remove");
        }
        return new NameListChange(add == null ? List.of() : add, remove == null ? List.of() : remove, replace);
    }

    private static List<String> names(String name, JsonObject change, String key, int maxLength) {
        if (!change.containsKey(key) || change.isNull(key)) {
            return null;
        }
        if (!(change.get(key) instanceof JsonArray array)) {
            throw new BadRequest(name + "." + key, "must be an array of names");
        }
        return names(name + "." + key, array, maxLength);
    }

    private static List<String> names(String name, JsonArray array, int maxLength) {
        List<String> names = new ArrayList<>();
        for (JsonValue value : array) {
            if (!(value instanceof JsonString text)) {
                throw new BadRequest(name, "must hold names as strings");
            }
            if (text.getString().length() > maxLength) {
                throw new BadRequest(name, "holds a name longer than " + maxLength + " characters");
            }
            names.add(text.getString());
        }
        return List.copyOf(names);
    }

    private static Set<PrincipalId> modifier(String name, JsonObject change, String key, String barePrefix) {
        if (!change.containsKey(key) || change.isNull(key)) {
            return null;
        }
        if (!(change.get(key) instanceof JsonArray array)) {
            throw new BadRequest(name + "." + key, "must be an array of principals");
        }
        return principals(name + "." + key, array, barePrefix);
    }

    private static Set<PrincipalId> principals(String name, JsonArray array, String barePrefix) {
        Set<PrincipalId> result = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>();
        for (JsonValue value : array) {
            if (!(value instanceof JsonString text)) {
                throw new BadRequest(name, "must hold strings such as sip:bob@example.com or group:staff");
            }
            texts.add(text.getString());
        }
        for (String text : texts) {
            String written = text.strip();
            if (barePrefix != null && written.indexOf(':') < 0) {
                written = barePrefix + ":" + written;
            }
            try {
                result.add(PrincipalId.parse(written));
            } catch (DomainException e) {
                throw new BadRequest(name, e.getMessage());
            }
        }
        return result;
    }

    private boolean absent(String name) {
        return !object.containsKey(name) || object.isNull(name);
    }

    @Override
    public String toString() {
        return object.keySet().stream().map(key -> key.toLowerCase(Locale.ROOT)).toList().toString();
    }
}
