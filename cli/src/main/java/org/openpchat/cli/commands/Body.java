package org.openpchat.cli.commands;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.openpchat.cli.http.Json;

/** A request body with only the fields the user gave. */
final class Body {

    private final JsonObjectBuilder fields = Json.PROVIDER.createObjectBuilder();
    private int count;

    Body put(String field, String value) {
        if (value != null) {
            fields.add(field, value);
            count++;
        }
        return this;
    }

    Body put(String field, Boolean value) {
        if (value != null) {
            fields.add(field, value);
            count++;
        }
        return this;
    }

    Body put(String field, Integer value) {
        if (value != null) {
            fields.add(field, value);
            count++;
        }
        return this;
    }

    Body put(String field, Enum<?> value) {
        return put(field, value == null ? null : value.name());
    }

    /** A plain list ({@code POST}); left out when the user gave none. */
    Body list(String field, List<String> values) {
        if (values != null && !values.isEmpty()) {
            fields.add(field, Json.PROVIDER.createArrayBuilder(values));
            count++;
        }
        return this;
    }

    Body put(String field, JsonObject value) {
        if (value != null) {
            fields.add(field, value);
            count++;
        }
        return this;
    }

    boolean isEmpty() {
        return count == 0;
    }

    JsonObject build() {
        return fields.build();
    }
}
