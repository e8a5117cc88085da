package dev.slipway.schema;

import dev.slipway.db.PgIdentifiers;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs catalog queries restricted to the schemas being read. A query names the schema list {@code $SCHEMAS} (bound as
 * a {@code text[]} parameter wherever it appears) and may name {@code $TOOL_TABLES}, the history tables never read.
 * <p>Not thread-safe; lives for one {@link SchemaReader#read} call.
 */
final class Catalog {
    /** A filter on {@code pg_class c}: the relation does not belong to an extension. */
    static final String NOT_FROM_EXTENSION_CLASS = "not exists (select from pg_depend e where e.classid ="
            + " 'pg_class'::regclass and e.objid = c.oid and e.deptype = 'e')";
    /** A filter on {@code pg_type t}: the type does not belong to an extension. */
    static final String NOT_FROM_EXTENSION_TYPE = "not exists (select from pg_depend e where e.classid ="
            + " 'pg_type'::regclass and e.objid = t.oid and e.deptype = 'e')";
    /** A filter on {@code pg_class c}: neither Slipway's nor Flyway's history table. */
    static final String NOT_TOOL_TABLE = "c.relname not in ($TOOL_TABLES)";

    /** Handles one row. */
    @FunctionalInterface
    interface RowHandler {
        void accept(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final List<String> schemas;

    Catalog(Connection connection, List<String> schemas) {
        this.connection = connection;
        this.schemas = List.copyOf(schemas);
    }

    List<String> schemas() {
        return schemas;
    }

    /** Runs {@code sql} and hands every row to {@code handler}. */
    void each(String sql, RowHandler handler) throws SQLException {
        String tools = SchemaFilter.toolTables().stream().map(PgIdentifiers::literal)
                .collect(Collectors.joining(", "));
        String expanded = sql.replace("$TOOL_TABLES", tools);
        int parameters = expanded.split("\\$SCHEMAS", -1).length - 1;
        try (PreparedStatement query = connection.prepareStatement(expanded.replace("$SCHEMAS", "?"))) {
            Array names = connection.createArrayOf("text", schemas.toArray());
            for (int i = 1; i <= parameters; i++) query.setArray(i, names);
            query.setFetchSize(2000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) handler.accept(rows);
            }
        }
    }

    /** {@return a {@code text[]} column as a list; empty for SQL NULL} */
    static List<String> strings(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) return List.of();
        List<String> values = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) values.add((String) value);
        return values;
    }
}
