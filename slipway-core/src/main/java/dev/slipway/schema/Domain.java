package dev.slipway.schema;

import dev.slipway.db.PgIdentifiers;
import java.util.List;
import java.util.Map;

/**
 * A domain: a base type with a default, NOT NULL and checks.
 *
 * @param schema            the schema
 * @param typeName          the domain's name
 * @param baseType          the base type as {@code format_type} prints it, e.g. {@code character varying(200)}
 * @param collation         its collation when it differs from the base type's, or {@code null}
 * @param defaultExpression its default, or {@code null}
 * @param notNull           whether it is declared NOT NULL
 * @param checks            its CHECK constraints, by name
 * @param comment           its comment, or {@code null}
 */
public record Domain(String schema, String typeName, String baseType, String collation, String defaultExpression,
        boolean notNull, List<DomainCheck> checks, String comment) implements SchemaObject {
    /** Sorts the checks by name. */
    public Domain {
        checks = Sorted.by(checks, DomainCheck::constraintName);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.DOMAIN;
    }

    @Override
    public String name() {
        return PgIdentifiers.qualified(schema, typeName);
    }

    @Override
    public Map<String, String> properties() {
        return Properties.of().put("base type", baseType).put("collation", collation)
                .put("default", defaultExpression).put("nullability", notNull ? "not null" : "null")
                .put("comment", comment).build();
    }

    @Override
    public List<SchemaObject> parts() {
        return List.copyOf(checks);
    }
}
