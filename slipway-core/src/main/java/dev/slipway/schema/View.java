package dev.slipway.schema;

import dev.slipway.db.PgIdentifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A view or materialized view.
 *
 * @param schema       the schema
 * @param viewName     its name
 * @param materialized whether it is a materialized view
 * @param definition   its query as {@code pg_get_viewdef} prints it (pretty-printed), names schema-qualified
 * @param columns      its columns in order as {@code name type}
 * @param options      options such as {@code security_barrier=true} or {@code check_option=local}, sorted
 * @param indexes      the indexes of a materialized view, by name
 * @param triggers     INSTEAD OF and other triggers, by name
 * @param comment      its comment, or {@code null}
 * @param grants       privileges granted to others than its owner, sorted (see {@link Grants})
 */
public record View(String schema, String viewName, boolean materialized, String definition, List<String> columns,
        List<String> options, List<Index> indexes, List<Trigger> triggers, String comment, List<String> grants)
        implements SchemaObject {
    /** Copies the columns and sorts the rest. */
    public View {
        columns = List.copyOf(columns);
        grants = List.copyOf(grants);
        options = Sorted.by(options, option -> option);
        indexes = Sorted.by(indexes, Index::indexName);
        triggers = Sorted.by(triggers, Trigger::triggerName);
    }

    @Override
    public ObjectKind kind() {
        return materialized ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.VIEW;
    }

    @Override
    public String name() {
        return PgIdentifiers.qualified(schema, viewName);
    }

    @Override
    public Map<String, String> properties() {
        return Properties.of().list("columns", columns).put("definition", definition).list("options", options)
                .put("comment", comment).list("privileges", grants).build();
    }

    @Override
    public List<SchemaObject> parts() {
        List<SchemaObject> parts = new ArrayList<>(indexes);
        parts.addAll(triggers);
        return List.copyOf(parts);
    }
}
