package dev.slipway.lint;

import dev.slipway.sql.SqlCommand;
import java.util.ArrayList;
import java.util.List;

/** {@code varchar(n)} limits are costly to change; a check constraint is not. */
final class PreferTextField implements Rule {
    static final RuleInfo INFO = RuleInfo.of("prefer-text-field", Severity.ADVICE,
            "Use text with a CHECK instead of varchar(n)",
            "varchar(n) stores the same as text, but its limit is part of the type: lowering it rewrites the table"
                    + " under an ACCESS EXCLUSIVE lock, and raising it still needs that lock. A CHECK (length(col)"
                    + " <= n) constraint can be replaced online (NOT VALID, then VALIDATE).",
            "Use text, with CHECK (length(col) <= n) NOT VALID where a limit matters.",
            "CREATE TABLE users (email varchar(255) NOT NULL);\n",
            "CREATE TABLE users (email text NOT NULL CHECK (length(email) <= 255));\n")
            .squawk("prefer-text-field");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        List<Finding> findings = new ArrayList<>();
        for (DeclaredColumns.Declared declared : context.declaredColumns(command)) {
            if (declared.type().canonical().equals("character varying") && !declared.type().modifiers().isEmpty()) {
                findings.add(context.finding(INFO, declared.type().at(), declared.name() + " is "
                        + declared.type() + "; changing that limit later locks the table",
                        "use text with CHECK (length(" + declared.column() + ") <= "
                                + declared.type().modifiers().get(0) + ")"));
            }
        }
        return findings;
    }
}
