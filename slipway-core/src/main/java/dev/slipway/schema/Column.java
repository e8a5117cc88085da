package dev.slipway.schema;

import dev.slipway.db.PgIdentifiers;
import java.util.List;
import java.util.Map;

/**
 * A column of a table. Its position is not a compared property of its own: a comparison reports the table's column
 * order instead, once, rather than every column after an inserted one.
 *
 * @param columnName        its name
 * @param position          its place among the table's live columns, from 1 (dropped columns leave no gap)
 * @param type              its type as {@code format_type} prints it, e.g. {@code numeric(10,2)} or
 *                          {@code public.order_status}
 * @param collation         its collation when it differs from the type's default, e.g. {@code "C"}, or {@code null}
 * @param notNull           whether it is NOT NULL
 * @param defaultExpression its default as {@code pg_get_expr} prints it, or {@code null}
 * @param identity          {@code always} or {@code by default} for an identity column, else {@code null}
 * @param generated         the expression of a generated (stored) column, or {@code null}
 * @param inherited         whether it comes from a parent (inheritance or partitioning) rather than this table
 * @param comment           its comment, or {@code null}
 * @param grants            privileges granted on this column alone ({@code GRANT SELECT (email) ON ...}) to others
 *                          than the table's owner, sorted (see {@link Grants})
 */
public record Column(String columnName, int position, String type, String collation, boolean notNull,
        String defaultExpression, String identity, String generated, boolean inherited, String comment,
        List<String> grants) implements SchemaObject {
    /** Copies the privileges. */
    public Column {
        grants = List.copyOf(grants);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.COLUMN;
    }

    @Override
    public String name() {
        return PgIdentifiers.quote(columnName);
    }

    @Override
    public Map<String, String> properties() {
        return Properties.of().put("type", type).put("collation", collation)
                .put("nullability", notNull ? "not null" : "null").put("default", defaultExpression)
                .put("identity", identity).put("generated", generated).flag("inherited", inherited)
                .put("comment", comment).list("privileges", grants).build();
    }
}
