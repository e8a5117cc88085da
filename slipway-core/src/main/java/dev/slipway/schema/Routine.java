package dev.slipway.schema;

import dev.slipway.db.PgIdentifiers;
import java.util.List;
import java.util.Map;

/**
 * A function or procedure (aggregates are left out). Overloads are distinct routines: the name includes the argument
 * types.
 *
 * @param schema      the schema
 * @param routineName its name without arguments
 * @param arguments   its identity arguments as {@code pg_get_function_identity_arguments} prints them
 * @param procedure   whether it is a procedure
 * @param result      its result type as {@code pg_get_function_result} prints it, or {@code null} for a procedure
 * @param language    e.g. {@code plpgsql} or {@code sql}
 * @param volatility  {@code immutable}, {@code stable} or {@code volatile}
 * @param definition  the whole CREATE OR REPLACE statement as {@code pg_get_functiondef} prints it
 * @param comment     its comment, or {@code null}
 * @param grants      privileges granted to others than its owner, sorted (see {@link Grants}); a routine nobody
 *                    changed the privileges of has {@link Grants#ROUTINE_DEFAULTS}
 */
public record Routine(String schema, String routineName, String arguments, boolean procedure, String result,
        String language, String volatility, String definition, String comment, List<String> grants)
        implements SchemaObject {
    /** Copies the privileges. */
    public Routine {
        grants = List.copyOf(grants);
    }

    @Override
    public ObjectKind kind() {
        return procedure ? ObjectKind.PROCEDURE : ObjectKind.FUNCTION;
    }

    @Override
    public String name() {
        return PgIdentifiers.qualified(schema, routineName) + "(" + arguments + ")";
    }

    @Override
    public Map<String, String> properties() {
        return Properties.of().put("result", result).put("language", language).put("volatility", volatility)
                .put("definition", definition).put("comment", comment).list("privileges", grants).build();
    }

    /** {@return the word for {@code pg_proc.provolatile}} */
    static String volatilityWord(String provolatile) {
        return switch (provolatile) {
            case "i" -> "immutable";
            case "s" -> "stable";
            default -> "volatile";
        };
    }
}
