package dev.slipway.schema;

import dev.slipway.db.PgIdentifiers;
import java.util.List;
import java.util.Map;

/**
 * An enum type. Its labels are in their sort order, which is part of the type: {@code ALTER TYPE ... ADD VALUE ...
 * BEFORE} changes it.
 *
 * @param schema   the schema
 * @param typeName the type's name
 * @param labels   the labels in sort order
 * @param comment  its comment, or {@code null}
 */
public record EnumType(String schema, String typeName, List<String> labels, String comment) implements SchemaObject {
    /** Copies the labels. */
    public EnumType {
        labels = List.copyOf(labels);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.ENUM;
    }

    @Override
    public String name() {
        return PgIdentifiers.qualified(schema, typeName);
    }

    @Override
    public Map<String, String> properties() {
        return Properties.of().list("labels", labels).put("comment", comment).build();
    }
}
