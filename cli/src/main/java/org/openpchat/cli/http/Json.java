package org.openpchat.cli.http;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import org.openpchat.cli.CliException;
import org.openpchat.cli.ExitCodes;

/** JSON-P (Parsson) in one place. */
public final class Json {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Json() {
    }

    public static JsonStructure parse(String text) {
        try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
            return reader.read();
        } catch (JsonException | IllegalStateException e) {
            throw new CliException(ExitCodes.LOCAL_ERROR, "the server's answer is not JSON: " + e.getMessage(), e);
        }
    }

    public static JsonObject object(String text) {
        JsonStructure json = parse(text);
        if (!(json instanceof JsonObject object)) {
            throw new CliException(ExitCodes.LOCAL_ERROR,
                    "the server answered a JSON array where an object was expected");
        }
        return object;
    }

    /** The string value of a field, or {@code null} when missing or JSON null. */
    public static String string(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
    }

    /** A number field, or {@code -1} when missing or not a number. */
    public static long number(JsonObject object, String field) {
        JsonValue value = object.get(field);
        return value instanceof jakarta.json.JsonNumber n ? n.longValue() : -1;
    }

    /** The array field, or an empty array. */
    public static JsonArray array(JsonObject object, String field) {
        JsonValue value = object.get(field);
        return value instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
    }
}
