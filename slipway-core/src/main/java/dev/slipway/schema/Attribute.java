package dev.slipway.schema;

import dev.slipway.db.PgIdentifiers;
import java.util.Map;

/**
 * An attribute of a composite type.
 *
 * @param attributeName its name
 * @param position      its place among the type's attributes, from 1
 * @param type          its type as {@code format_type} prints it
 * @param collation     its collation when it differs from the type's default, or {@code null}
 */
public record Attribute(String attributeName, int position, String type, String collation) implements SchemaObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.ATTRIBUTE;
    }

    @Override
    public String name() {
        return PgIdentifiers.quote(attributeName);
    }

    @Override
    public Map<String, String> properties() {
        return Properties.of().put("position", Integer.toString(position)).put("type", type)
                .put("collation", collation).build();
    }
}
