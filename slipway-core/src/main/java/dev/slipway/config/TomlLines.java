package dev.slipway.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Finds the line where a key or table is written in a TOML text, so messages about values can say
 * {@code file:line}. The TOML parser builds a tree without positions; this scan recognises table headers and
 * {@code key =} at the start of lines, skipping multi-line strings, which covers how configuration files are
 * written. Immutable.
 */
final class TomlLines {
    private final Map<String, Integer> lines;

    private TomlLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** {@return the positions of keys and tables in {@code text}} */
    static TomlLines scan(String text) {
        Map<String, Integer> lines = new HashMap<>();
        List<String> table = List.of();
        String multiline = null;
        String[] rows = text.split("\r?\n", -1);
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (multiline != null) {
                if (row.contains(multiline)) {
                    multiline = null;
                }
                continue;
            }
            if (row.isEmpty() || row.startsWith("#")) continue;
            if (row.startsWith("[")) {
                boolean arrayOfTables = row.startsWith("[[");
                List<String> header = keys(row.substring(arrayOfTables ? 2 : 1));
                if (header != null) {
                    table = header;
                    record(lines, table, i + 1);
                }
                continue;
            }
            List<String> key = keys(row);
            if (key == null) continue;
            List<String> full = new ArrayList<>(table);
            full.addAll(key);
            record(lines, full, i + 1);
            multiline = openedMultiline(row);
        }
        return new TomlLines(lines);
    }

    /** {@return the line of {@code path}, or of the nearest enclosing key or table written in the file} */
    OptionalInt line(List<String> path) {
        for (int length = path.size(); length > 0; length--) {
            Integer line = lines.get(KeyPaths.of(path.subList(0, length)));
            if (line != null) return OptionalInt.of(line);
        }
        return OptionalInt.empty();
    }

    private static void record(Map<String, Integer> lines, List<String> path, int line) {
        for (int length = 1; length <= path.size(); length++) {
            lines.putIfAbsent(KeyPaths.of(path.subList(0, length)), line);
        }
    }

    /**
     * {@return the dotted key at the start of {@code text}, ending at {@code =} or {@code ]}, or null when the text
     * does not start with one}
     */
    private static List<String> keys(String text) {
        List<String> keys = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i >= text.length()) return null;
            char c = text.charAt(i);
            StringBuilder key = new StringBuilder();
            if (c == '"' || c == '\'') {
                int close = i + 1;
                while (close < text.length() && text.charAt(close) != c) {
                    if (c == '"' && text.charAt(close) == '\\' && close + 1 < text.length()) {
                        close++;
                    }
                    key.append(text.charAt(close));
                    close++;
                }
                if (close >= text.length()) return null;
                i = close + 1;
            } else {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '-')) {
                    key.append(text.charAt(i++));
                }
                if (key.length() == 0) return null;
            }
            keys.add(key.toString());
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i >= text.length()) return null;
            if (text.charAt(i) == '.') {
                i++;
            } else {
                return text.charAt(i) == '=' || text.charAt(i) == ']' ? keys : null;
            }
        }
    }

    /** {@return the delimiter of a multi-line string that {@code row} opens and does not close, or null} */
    private static String openedMultiline(String row) {
        for (String delimiter : List.of("\"\"\"", "'''")) {
            int open = row.indexOf(delimiter);
            if (open >= 0 && row.indexOf(delimiter, open + 3) < 0) return delimiter;
        }
        return null;
    }
}
