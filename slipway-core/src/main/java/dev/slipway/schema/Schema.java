package dev.slipway.schema;

import dev.slipway.db.PgIdentifiers;
import java.util.Map;

/**
 * A schema (namespace).
 *
 * @param schemaName the schema's name, unquoted
 * @param comment    its comment, or {@code null}
 */
public record Schema(String schemaName, String comment) implements SchemaObject {
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
        return Properties.of().put("comment", comment).build();
    }
}
