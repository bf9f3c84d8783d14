package org.openpchat.cli.output;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.openpchat.cli.CliException;
import org.openpchat.cli.ExitCodes;
import org.openpchat.cli.http.ApiResponse;
import org.openpchat.cli.http.Json;
import org.openpchat.cli.output.Table.Column;

/** What a command prints on stdout: a table (default) or the server's JSON as it came. */
public final class Output {

    public enum Format { TABLE, JSON }

    private final Format format;
    private final PrintStream out;

    public Output(Format format, PrintStream out) {
        this.format = format;
        this.out = out;
    }

    public boolean json() {
        return format == Format.JSON;
    }

    public PrintStream stream() {
        return out;
    }

    /** One item: its fields, one per line, and its ETag (for {@code --if-match}) when it has one. */
    public void item(ApiResponse response) {
        if (json()) {
            raw(response);
            return;
        }
        JsonObject item = response.object();
        String etag = response.header("ETag");
        if (etag != null && !item.containsKey("etag")) {
            item = Json.PROVIDER.createObjectBuilder(item).add("etag", etag).build();
        }
        Table.printItem(out, item);
    }

    /** A collection as a table of the given columns. */
    public void list(ApiResponse response, List<Column> columns) {
        if (json()) {
            raw(response);
            return;
        }
        Table.print(out, columns, rows(response.json(), "items"));
    }

    /** A list held by one field of the answer ({@code messages} of a search). */
    public void list(ApiResponse response, String field, List<Column> columns) {
        if (json()) {
            raw(response);
            return;
        }
        Table.print(out, columns, rows(response.json(), field));
    }

    /** A change without a body worth showing: a sentence, or in JSON mode the body if there is one. */
    public void done(ApiResponse response, String sentence) {
        if (json()) {
            raw(response);
            return;
        }
        out.println(sentence);
    }

    /** The server's JSON, unchanged. */
    public void raw(ApiResponse response) {
        if (response.hasBody()) {
            out.println(response.body().strip());
        }
    }

    /**
     * The rows of a collection answer: a bare array, or the array in {@code field} of an object
     * (e.g. {@code {"items": [...], "total": 3}}).
     */
    static List<JsonObject> rows(JsonStructure json, String field) {
        JsonValue list = json instanceof JsonObject object ? object.get(field) : json;
        if (!(list instanceof JsonArray array)) {
            throw new CliException(ExitCodes.LOCAL_ERROR, "the server's answer holds no list"
                    + (json instanceof JsonObject ? " '" + field + "'" : ""));
        }
        List<JsonObject> rows = new ArrayList<>();
        for (JsonValue row : array) {
            if (row instanceof JsonObject object) {
                rows.add(object);
            }
        }
        return rows;
    }
}
