package dev.slipway.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * The first rows a query returned.
 *
 * @param columns the column labels
 * @param values  the rows, each value as the driver gave it ({@code Boolean}, {@code Long}, {@code String}, ...)
 *                or null
 * @param more    whether the query returned more rows than these
 */
public record Rows(List<String> columns, List<List<Object>> values, boolean more) {
    private static final int LONGEST_VALUE = 60;

    /** Copies the lists; values may hold nulls. */
    public Rows {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> row : values) copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        values = List.copyOf(copy);
    }

    /** {@return whether no row came back} */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** {@return row {@code index} as one line: {@code id=17, customer_id=42}, long values shortened} */
    public String describe(int index) {
        List<Object> row = values.get(index);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) line.append(", ");
            line.append(columns.get(i)).append('=').append(show(row.get(i)));
        }
        return line.toString();
    }

    /** {@return every row as one line each, see {@link #describe(int)}} */
    public List<String> describeAll() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) lines.add(describe(i));
        return lines;
    }

    /** {@return the value at row {@code row}, column {@code column}} */
    public Object value(int row, int column) {
        return values.get(row).get(column);
    }

    private static String show(Object value) {
        if (value == null) return "NULL";
        String text = value.toString().replace('\n', ' ');
        return text.length() > LONGEST_VALUE ? text.substring(0, LONGEST_VALUE - 3) + "..." : text;
    }
}
