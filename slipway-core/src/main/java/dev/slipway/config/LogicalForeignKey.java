package dev.slipway.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A reference the application keeps without a {@code FOREIGN KEY} constraint, declared so that {@code slipway verify}
 * can look for rows that point nowhere: {@code "orders.customer_id -> customers.id"}, optionally schema-qualified
 * ({@code "sales.orders.customer_id -> crm.customers.id"}).
 * <p>Names are folded to lower case as PostgreSQL folds unquoted identifiers; a part in double quotes keeps its case.
 *
 * @param child  the referencing column
 * @param parent the referenced column
 */
public record LogicalForeignKey(Column child, Column parent) {
    /** Checks both ends are present. */
    public LogicalForeignKey {
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(parent, "parent");
    }

    /**
     * {@return the declaration {@code text} stands for}
     *
     * @throws ConfigException saying what is wrong and showing the expected form
     */
    public static LogicalForeignKey parse(String text) {
        int arrow = text.indexOf("->");
        if (arrow < 0 || text.indexOf("->", arrow + 2) >= 0) {
            throw new ConfigException("'" + text + "' is not a logical foreign key; write it as"
                    + " \"orders.customer_id -> customers.id\"");
        }
        return new LogicalForeignKey(Column.parse(text.substring(0, arrow), text),
                Column.parse(text.substring(arrow + 2), text));
    }

    /** {@return the declaration as written in configuration, with quotes where a name needs them} */
    @Override
    public String toString() {
        return child + " -> " + parent;
    }

    /**
     * One end of a logical foreign key.
     *
     * @param schema the schema, or null to find the table through the {@code search_path}
     * @param table  the table
     * @param column the column
     */
    public record Column(String schema, String table, String column) {
        /** Checks the table and column are named. */
        public Column {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            if (table.isEmpty() || column.isEmpty() || schema != null && schema.isEmpty()) {
                throw new ConfigException("a logical foreign key names a table and a column, e.g. orders.customer_id");
            }
        }

        static Column parse(String side, String whole) {
            List<String> parts = identifiers(side.strip(), whole);
            if (parts.size() < 2 || parts.size() > 3) {
                throw new ConfigException("'" + side.strip() + "' in '" + whole + "' must be table.column or"
                        + " schema.table.column");
            }
            return parts.size() == 2 ? new Column(null, parts.get(0), parts.get(1))
                    : new Column(parts.get(0), parts.get(1), parts.get(2));
        }

        /** Splits {@code a."B c".d} into its names: unquoted ones folded, quoted ones as written. */
        private static List<String> identifiers(String side, String whole) {
            List<String> parts = new ArrayList<>();
            int i = 0;
            while (i <= side.length()) {
                StringBuilder name = new StringBuilder();
                if (i < side.length() && side.charAt(i) == '"') {
                    i++;
                    while (true) {
                        if (i >= side.length()) throw new ConfigException("unclosed quote in '" + whole + "'");
                        char c = side.charAt(i++);
                        if (c == '"') {
                            if (i < side.length() && side.charAt(i) == '"') {
                                name.append('"');
                                i++;
                                continue;
                            }
                            break;
                        }
                        name.append(c);
                    }
                } else {
                    while (i < side.length() && side.charAt(i) != '.') {
                        char c = side.charAt(i++);
                        if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
                            throw new ConfigException("'" + side + "' in '" + whole + "' has '" + c + "'; quote"
                                    + " such names with double quotes");
                        }
                        name.append(c);
                    }
                    if (name.isEmpty()) throw new ConfigException("an empty name in '" + whole + "'");
                    name = new StringBuilder(name.toString().toLowerCase(Locale.ROOT));
                }
                parts.add(name.toString());
                if (i >= side.length()) break;
                if (side.charAt(i) != '.') {
                    throw new ConfigException("'" + side + "' in '" + whole + "' has text after a quoted name");
                }
                i++;
                if (i == side.length()) throw new ConfigException("an empty name in '" + whole + "'");
            }
            return parts;
        }

        /** {@return {@code schema.table.column}, each part quoted where the server needs it} */
        @Override
        public String toString() {
            return (schema == null ? "" : quote(schema) + ".") + quote(table) + "." + quote(column);
        }

        private static String quote(String name) {
            return name.matches("[a-z_][a-z0-9_$]*") ? name : '"' + name.replace("\"", "\"\"") + '"';
        }
    }
}
