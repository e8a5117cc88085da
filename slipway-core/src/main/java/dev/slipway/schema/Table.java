package dev.slipway.schema;

import dev.slipway.db.PgIdentifiers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table: ordinary, partitioned or a partition, with everything that hangs on it. Column order is part of the
 * table (it shows in {@code SELECT *} and {@code COPY}, and only a rebuild changes it).
 *
 * @param schema           the schema
 * @param tableName        its name
 * @param partitioned      whether it is a partitioned table
 * @param unlogged         whether it is UNLOGGED
 * @param columns          its columns in order
 * @param constraints      its constraints, by name
 * @param indexes          its indexes, by name
 * @param triggers         its user triggers, by name
 * @param rowSecurity      ROW LEVEL SECURITY enabled
 * @param forceRowSecurity ROW LEVEL SECURITY forced on the owner too
 * @param policies         its row-level security policies, by name
 * @param partitionKey     {@code PARTITION BY} clause of a partitioned table as {@code pg_get_partkeydef} prints
 *                         it, e.g. {@code RANGE (created_at)}, or {@code null}
 * @param partitionOf      the partitioned table this one is a partition of, schema-qualified, or {@code null}
 * @param partitionBound   its bound, e.g. {@code FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')}, or {@code null}
 * @param inherits         parents by plain inheritance ({@code INHERITS}), schema-qualified, in declared order
 * @param options          storage parameters such as {@code fillfactor=70}, sorted
 * @param comment          its comment, or {@code null}
 * @param grants           privileges granted to others than its owner, sorted (see {@link Grants})
 */
public record Table(String schema, String tableName, boolean partitioned, boolean unlogged, List<Column> columns,
        List<Constraint> constraints, List<Index> indexes, List<Trigger> triggers, boolean rowSecurity,
        boolean forceRowSecurity, List<Policy> policies, String partitionKey, String partitionOf,
        String partitionBound, List<String> inherits, List<String> options, String comment, List<String> grants)
        implements SchemaObject {
    /** Puts the columns in order and every other collection by name. */
    public Table {
        columns = columns.stream().sorted(Comparator.comparingInt(Column::position)).toList();
        constraints = Sorted.by(constraints, Constraint::constraintName);
        indexes = Sorted.by(indexes, Index::indexName);
        triggers = Sorted.by(triggers, Trigger::triggerName);
        policies = Sorted.by(policies, Policy::policyName);
        grants = List.copyOf(grants);
        inherits = List.copyOf(inherits);
        options = Sorted.by(options, option -> option);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.TABLE;
    }

    @Override
    public String name() {
        return PgIdentifiers.qualified(schema, tableName);
    }

    /** {@return the column called {@code name}, if there is one} */
    public Optional<Column> column(String name) {
        return columns.stream().filter(column -> column.columnName().equals(name)).findFirst();
    }

    /** {@return the column names in order} */
    public List<String> columnOrder() {
        return columns.stream().map(Column::columnName).toList();
    }

    @Override
    public Map<String, String> properties() {
        return Properties.of().flag("partitioned", partitioned).flag("unlogged", unlogged)
                .put("partition key", partitionKey).put("partition of", partitionOf)
                .put("partition bound", partitionBound).list("inherits", inherits).list("options", options)
                .flag("row level security", rowSecurity).flag("force row level security", forceRowSecurity)
                .put("comment", comment).list("privileges", grants).build();
    }

    @Override
    public List<SchemaObject> parts() {
        List<SchemaObject> parts = new ArrayList<>(columns);
        parts.addAll(constraints);
        parts.addAll(indexes);
        parts.addAll(triggers);
        parts.addAll(policies);
        return List.copyOf(parts);
    }
}
