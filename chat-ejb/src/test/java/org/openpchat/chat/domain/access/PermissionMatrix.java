package org.openpchat.chat.domain.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads permission-matrix.txt strictly: a block starts with {@code == <setting>}; each block has
 * exactly one row per role, in any order; a row is the role and one cell per column; a cell is
 * {@code Y} (allowed) or {@code N} (refused), nothing else. An unknown role or cell, a missing or
 * duplicated row, a duplicated block or a row outside a block is an error naming the line.
 */
final class PermissionMatrix {

    static final String ALLOWED = "Y";
    static final String REFUSED = "N";

    /** One room setting: role, then column, then whether it is allowed. */
    record Block(String setting, Map<String, Map<String, Boolean>> cells) {
        @Override
        public String toString() {
            return setting;
        }
    }

    private final List<String> roles;
    private final List<String> columns;

    PermissionMatrix(List<String> roles, List<String> columns) {
        this.roles = List.copyOf(roles);
        this.columns = List.copyOf(columns);
    }

    List<Block> read(InputStream in) {
        if (in == null) {
            throw new IllegalArgumentException("the matrix file is missing");
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(lines);
    }

    List<Block> parse(List<String> lines) {
        Map<String, Map<String, Map<String, Boolean>>> blocks = new LinkedHashMap<>();
        String setting = null;
        int blockLine = 0;
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("==")) {
                requireComplete(setting, blocks.get(setting), blockLine);
                setting = String.join(" ", line.substring(2).strip().split("\\s+"));
                blockLine = number;
                if (setting.isEmpty() || blocks.containsKey(setting)) {
                    throw error(number, setting.isEmpty() ? "a block without a setting" : "block '" + setting + "' appears twice");
                }
                blocks.put(setting, new LinkedHashMap<>());
                continue;
            }
            if (setting == null) {
                throw error(number, "a row before the first '==' block");
            }
            String[] words = line.split("\\s+");
            String role = words[0];
            if (!roles.contains(role)) {
                throw error(number, "unknown role '" + role + "' (roles: " + roles + ")");
            }
            if (words.length != columns.size() + 1) {
                throw error(number, "role '" + role + "' has " + (words.length - 1) + " cells, not " + columns.size());
            }
            Map<String, Map<String, Boolean>> block = blocks.get(setting);
            if (block.containsKey(role)) {
                throw error(number, "role '" + role + "' appears twice in block '" + setting + "'");
            }
            Map<String, Boolean> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i), cell(words[i + 1], number, columns.get(i)));
            }
            block.put(role, row);
        }
        requireComplete(setting, blocks.get(setting), blockLine);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("the matrix has no block");
        }
        List<Block> result = new ArrayList<>();
        blocks.forEach((name, cells) -> result.add(new Block(name, cells)));
        return result;
    }

    private void requireComplete(String setting, Map<String, Map<String, Boolean>> block, int line) {
        if (setting == null) {
            return;
        }
        Set<String> missing = new LinkedHashSet<>(roles);
        missing.removeAll(block.keySet());
        if (!missing.isEmpty()) {
            throw error(line, "block '" + setting + "' lacks the rows of " + missing);
        }
    }

    private static boolean cell(String value, int line, String column) {
        return switch (value) {
            case ALLOWED -> true;
            case REFUSED -> false;
            default -> throw error(line, "cell " + column + " is '" + value + "', not " + ALLOWED + " or " + REFUSED);
        };
    }

    private static IllegalArgumentException error(int line, String what) {
        return new IllegalArgumentException("permission-matrix.txt line " + line + ": " + what);
    }
}
