package org.openpchat.cli.output;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.StringJoiner;

/** Server values as terminal text. */
public final class Texts {

    private Texts() {
    }

    /**
     * The text with control characters (line ends, escape sequences a hostile name could carry)
     * replaced by spaces, so one value stays on one line and cannot drive the terminal.
     */
    public static String clean(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
            clean.appendCodePoint(control ? ' ' : c);
        });
        return clean.toString();
    }

    /** Strings as they are, arrays joined by ", ", null or missing as "". */
    public static String display(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        if (value instanceof JsonString string) {
            return clean(string.getString());
        }
        if (value instanceof JsonArray array) {
            StringJoiner joined = new StringJoiner(", ");
            array.forEach(item -> joined.add(display(item)));
            return joined.toString();
        }
        return clean(value.toString());
    }
}
