package dev.slipway.schema;

import dev.slipway.db.PgIdentifiers;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A composite type made with {@code CREATE TYPE ... AS (...)} (not the row type every table has).
 *
 * @param schema     the schema
 * @param typeName   the type's name
 * @param attributes its attributes in order
 * @param comment    its comment, or {@code null}
 */
public record CompositeType(String schema, String typeName, List<Attribute> attributes, String comment)
        implements SchemaObject {
    /** Puts the attributes in their order. */
    public CompositeType {
        attributes = attributes.stream().sorted(Comparator.comparingInt(Attribute::position)).toList();
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.COMPOSITE_TYPE;
    }

    @Override
    public String name() {
        return PgIdentifiers.qualified(schema, typeName);
    }

    @Override
    public Map<String, String> properties() {
        return Properties.of().put("comment", comment).build();
    }

    @Override
    public List<SchemaObject> parts() {
        return List.copyOf(attributes);
    }
}
