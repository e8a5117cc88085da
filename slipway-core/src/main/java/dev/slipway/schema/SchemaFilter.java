package dev.slipway.schema;

import dev.slipway.history.AlembicVersion;
import dev.slipway.history.HistoryTable;
import java.util.List;
import java.util.Set;

/**
 * Which schemas a {@link SchemaReader} reads. System schemas ({@code pg_catalog}, {@code information_schema},
 * {@code pg_toast}, temporary schemas) are never read, nor objects that belong to an extension, nor the history
 * tables of Slipway and Flyway.
 *
 * @param schemas the schemas to read; empty for every user schema
 */
public record SchemaFilter(Set<String> schemas) {
    /** Copies the names. */
    public SchemaFilter {
        schemas = Set.copyOf(schemas);
    }

    /** {@return a filter that reads every user schema} */
    public static SchemaFilter allSchemas() {
        return new SchemaFilter(Set.of());
    }

    /** {@return a filter that reads only the given schemas (names as stored, unquoted)} */
    public static SchemaFilter only(String... schemas) {
        if (schemas.length == 0) throw new IllegalArgumentException("name at least one schema");
        return new SchemaFilter(Set.of(schemas));
    }

    /** {@return whether {@code schema} passes, given it is a user schema} */
    public boolean includes(String schema) {
        return schemas.isEmpty() || schemas.contains(schema);
    }

    /**
     * {@return the table names that are never part of a model: the history tables of Slipway and Flyway, and
     * Alembic's revision table, which a database adopted from Alembic keeps}
     */
    public static List<String> toolTables() {
        return List.of(HistoryTable.STATE_TABLE, HistoryTable.AUDIT_TABLE, "flyway_schema_history",
                AlembicVersion.TABLE);
    }
}
