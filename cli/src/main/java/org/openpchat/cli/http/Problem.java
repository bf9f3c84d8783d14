package org.openpchat.cli.http;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.openpchat.cli.CliException;
import org.openpchat.cli.output.Texts;

/**
 * An error answer: an RFC 9457 problem ({@code title}, {@code detail}, {@code field},
 * {@code conflicts}), or whatever else the server (or a proxy) sent.
 */
public record Problem(int status, String title, String detail, String field, List<String> conflicts) {

    public static Problem of(int status, String contentType, String body) {
        if (contentType != null && contentType.contains("json") && body != null && !body.isBlank()) {
            try {
                JsonStructure json = Json.parse(body);
                if (json instanceof JsonObject object) {
                    List<String> conflicts = new ArrayList<>();
                    for (JsonValue conflict : Json.array(object, "conflicts")) {
                        conflicts.add(conflict instanceof JsonString s ? s.getString() : conflict.toString());
                    }
                    return new Problem(status, Json.string(object, "title"), Json.string(object, "detail"),
                            Json.string(object, "field"), conflicts);
                }
            } catch (CliException notJson) {
                // fall through: shown as text
            }
        }
        String text = body == null ? "" : body.strip();
        int end = text.indexOf('\n');
        text = end < 0 ? text : text.substring(0, end);
        text = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return new Problem(status, null, text.isEmpty() ? null : text, null, List.of());
    }

    /** One line: {@code 400 Bad Request: field 'privacy': must be one of ... (field: privacy)}. */
    public String line() {
        StringBuilder line = new StringBuilder().append(status);
        line.append(' ').append(title != null ? Texts.clean(title) : reason(status));
        if (detail != null && !detail.isBlank()) {
            line.append(": ").append(Texts.clean(detail));
        }
        if (field != null && !field.isBlank()) {
            line.append(" (field: ").append(Texts.clean(field)).append(')');
        }
        return line.toString();
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP error";
        };
    }
}
