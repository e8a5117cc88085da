package dev.slipway.schema;

import dev.slipway.db.PgIdentifiers;
import java.util.Map;

/**
 * A CHECK constraint of a domain.
 *
 * @param constraintName its name (generated names are kept: they are what users see and drop)
 * @param definition     {@code CHECK (...)} as {@code pg_get_constraintdef} prints it, without {@code NOT VALID}
 * @param validated      false when it was added {@code NOT VALID} and not validated since
 */
public record DomainCheck(String constraintName, String definition, boolean validated) implements SchemaObject {
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
        return Properties.of().put("definition", definition).put("validity", validated ? "valid" : "not valid")
                .build();
    }
}
