package dev.slipway.backup;

import java.util.Objects;

/**
 * A table whose rows a backup holds.
 *
 * @param schema the schema
 * @param name   the table name
 * @param rows   its row count in the dump's snapshot, or null when not counted (counted with
 *               {@link BackupRequest#verifyRestore()})
 */
public record BackupTable(String schema, String name, Long rows) {
    /** Checks that the names are there. */
    public BackupTable {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    /** {@return {@code schema.name} as a user reads it, unquoted} */
    public String displayName() {
        return schema + "." + name;
    }

    /** {@return {@code "schema"."name"}, quoted for SQL} */
    String sqlName() {
        return quote(schema) + "." + quote(name);
    }

    /** {@return the same table with a row count} */
    BackupTable withRows(long count) {
        return new BackupTable(schema, name, count);
    }

    /** Always quoted: a reserved word or an upper-case name must not change what the statement means. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
