package dev.slipway.db;

import java.util.regex.Pattern;

/** Quotes PostgreSQL identifiers and literals for the few statements Slipway builds itself. */
public final class PgIdentifiers {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private PgIdentifiers() {
    }

    /** {@return the identifier, double-quoted unless it is a plain lower-case name} */
    public static String quote(String identifier) {
        if (PLAIN.matcher(identifier).matches()) return identifier;
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@return {@code schema.name}, each part quoted as needed} */
    public static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    /** {@return a single-quoted SQL string literal} */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
