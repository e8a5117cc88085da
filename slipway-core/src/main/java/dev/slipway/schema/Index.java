package dev.slipway.schema;

import dev.slipway.db.PgIdentifiers;
import java.util.Map;

/**
 * An index of a table or materialized view, including those behind primary key, unique and exclusion constraints.
 *
 * @param indexName   its name
 * @param definition  the CREATE INDEX statement as {@code pg_get_indexdef} prints it, names schema-qualified
 * @param valid       false for an index a failed {@code CREATE INDEX CONCURRENTLY} left behind
 * @param constraint  the constraint that owns it, or {@code null} for a plain index
 * @param parentIndex the partitioned index it is a partition of, schema-qualified, or {@code null}
 * @param comment     its comment, or {@code null}
 */
public record Index(String indexName, String definition, boolean valid, String constraint, String parentIndex,
        String comment) implements SchemaObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.INDEX;
    }

    @Override
    public String name() {
        return PgIdentifiers.quote(indexName);
    }

    @Override
    public Map<String, String> properties() {
        return Properties.of().put("definition", definition).put("validity", valid ? "valid" : "invalid")
                .put("constraint", constraint).put("partition of", parentIndex).put("comment", comment).build();
    }
}
