package dev.slipway.schema;

import dev.slipway.db.PgIdentifiers;
import java.util.List;
import java.util.Map;

/**
 * A row-level security policy of a table.
 *
 * @param policyName its name
 * @param command    {@code ALL}, {@code SELECT}, {@code INSERT}, {@code UPDATE} or {@code DELETE}
 * @param permissive PERMISSIVE (true) or RESTRICTIVE
 * @param roles      the roles it applies to, sorted ({@code public} for all)
 * @param using      the USING expression, or {@code null}
 * @param withCheck  the WITH CHECK expression, or {@code null}
 * @param comment    its comment, or {@code null}
 */
public record Policy(String policyName, String command, boolean permissive, List<String> roles, String using,
        String withCheck, String comment) implements SchemaObject {
    /** Sorts the roles. */
    public Policy {
        roles = Sorted.by(roles, role -> role);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.POLICY;
    }

    @Override
    public String name() {
        return PgIdentifiers.quote(policyName);
    }

    @Override
    public Map<String, String> properties() {
        return Properties.of().put("command", command).put("mode", permissive ? "permissive" : "restrictive")
                .list("roles", roles).put("using", using).put("with check", withCheck).put("comment", comment)
                .build();
    }

    /** {@return the command for {@code pg_policy.polcmd}} */
    static String commandWord(String polcmd) {
        return switch (polcmd) {
            case "r" -> "SELECT";
            case "a" -> "INSERT";
            case "w" -> "UPDATE";
            case "d" -> "DELETE";
            default -> "ALL";
        };
    }
}
