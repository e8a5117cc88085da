package dev.slipway.schema;

import dev.slipway.db.PgIdentifiers;
import java.util.List;
import java.util.Map;

/**
 * A schema (namespace).
 *
 * @param schemaName the schema's name, unquoted
 * @param comment    its comment, or {@code null}
 * @param grants     privileges granted to others than its owner, sorted (see {@link Grants}); always empty for
 *                   {@code public}, whose privileges PostgreSQL's versions set differently and a DBA often changes
 */
public record Schema(String schemaName, String comment, List<String> grants) implements SchemaObject {
    /** Copies the privileges. */
    public Schema {
        grants = List.copyOf(grants);
    }

    /** A schema without privileges granted to others. */
    public Schema(String schemaName, String comment) {
        this(schemaName, comment, List.of());
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SCHEMA;
    }

    @Override
    public String name() {
        return PgIdentifiers.quote(schemaName);
    }

    @Override
    public Map<String, String> properties() {
        return Properties.of().put("comment", comment).list("privileges", grants).build();
    }
}
