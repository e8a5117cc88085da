package dev.slipway.schema;

import dev.slipway.db.PgIdentifiers;
import java.util.Map;

/**
 * A table constraint.
 *
 * @param constraintName    its name (generated names such as {@code orders_pkey} are kept)
 * @param type              primary key, unique, foreign key, check or exclusion
 * @param definition        as {@code pg_get_constraintdef} prints it (columns, referenced table, actions, match type,
 *                          DEFERRABLE), without the {@code NOT VALID} suffix, which is {@link #validated()}
 * @param validated         false when added {@code NOT VALID} and not validated since
 * @param deferrable        DEFERRABLE (also in the definition)
 * @param initiallyDeferred INITIALLY DEFERRED (also in the definition)
 * @param references        the table a foreign key references, schema-qualified, or {@code null}
 * @param inherited         whether it comes from a parent table rather than being declared on this one
 * @param comment           its comment, or {@code null}
 */
public record Constraint(String constraintName, ConstraintType type, String definition, boolean validated,
        boolean deferrable, boolean initiallyDeferred, String references, boolean inherited, String comment)
        implements SchemaObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.CONSTRAINT;
    }

    @Override
    public String name() {
        return PgIdentifiers.quote(constraintName);
    }

    @Override
    public Map<String, String> properties() {
        return Properties.of().put("type", type.label()).put("definition", definition)
                .put("validity", validated ? "valid" : "not valid").flag("inherited", inherited)
                .put("comment", comment).build();
    }
}
