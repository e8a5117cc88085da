package dev.slipway.schema;

import dev.slipway.db.PgIdentifiers;
import java.util.Map;

/**
 * A user trigger on a table or view (the internal triggers behind foreign keys are not part of the model).
 *
 * @param triggerName its name
 * @param definition  the CREATE TRIGGER statement as {@code pg_get_triggerdef} prints it
 * @param enabled     {@code enabled}, {@code disabled}, {@code replica} or {@code always}
 * @param inherited   whether PostgreSQL cloned it from a trigger on the partitioned parent
 * @param comment     its comment, or {@code null}
 */
public record Trigger(String triggerName, String definition, String enabled, boolean inherited, String comment)
        implements SchemaObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.TRIGGER;
    }

    @Override
    public String name() {
        return PgIdentifiers.quote(triggerName);
    }

    @Override
    public Map<String, String> properties() {
        return Properties.of().put("definition", definition).put("status", enabled).flag("inherited", inherited)
                .put("comment", comment).build();
    }

    /** {@return the word for {@code pg_trigger.tgenabled}} */
    static String enabledWord(String tgenabled) {
        return switch (tgenabled) {
            case "O" -> "enabled";
            case "D" -> "disabled";
            case "R" -> "replica";
            case "A" -> "always";
            default -> tgenabled;
        };
    }
}
