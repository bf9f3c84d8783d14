package org.openpchat.cli.output;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Rows of JSON objects as aligned columns under upper-case headings. */
public final class Table {

    /** A heading and the JSON field shown under it. */
    public record Column(String heading, String field) {
    }

    public static Column column(String heading, String field) {
        return new Column(heading, field);
    }

    private Table() {
    }

    public static void print(PrintStream out, List<Column> columns, List<JsonObject> rows) {
        List<String[]> lines = new ArrayList<>();
        String[] headings = new String[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            headings[c] = columns.get(c).heading();
        }
        lines.add(headings);
        for (JsonObject row : rows) {
            String[] cells = new String[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                cells[c] = Texts.display(row.get(columns.get(c).field()));
            }
            lines.add(cells);
        }
        int[] widths = new int[columns.size()];
        for (String[] line : lines) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], line[c].codePointCount(0, line[c].length()));
            }
        }
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                text.append(line[c]);
                if (c < line.length - 1) {
                    text.append(" ".repeat(widths[c] - line[c].codePointCount(0, line[c].length()) + 2));
                }
            }
            out.println(text.toString().stripTrailing());
        }
    }

    /** One object as "field  value" lines, in the server's field order. */
    public static void printItem(PrintStream out, JsonObject item) {
        int width = item.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (String field : item.keySet()) {
            JsonValue value = item.get(field);
            out.println((field + " ".repeat(width - field.length() + 2) + Texts.display(value)).stripTrailing());
        }
    }
}
