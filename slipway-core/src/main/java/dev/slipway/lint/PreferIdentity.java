package dev.slipway.lint;

import dev.slipway.sql.SqlCommand;
import java.util.ArrayList;
import java.util.List;

/** serial columns are a sequence and a default glued together; identity columns are the standard. */
final class PreferIdentity implements Rule {
    static final RuleInfo INFO = RuleInfo.of("prefer-identity", Severity.ADVICE,
            "Use identity columns instead of serial",
            "A serial column is an integer column with a DEFAULT nextval() on a sequence the table owns: its"
                    + " permissions, ownership and copying (CREATE TABLE ... LIKE, dumps into other schemas) need"
                    + " separate care, and nothing stops inserts that bypass the sequence.",
            "Use bigint GENERATED ALWAYS AS IDENTITY (or BY DEFAULT, to allow explicit values).",
            "CREATE TABLE users (id bigserial PRIMARY KEY);\n",
            "CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);\n")
            .squawk("prefer-identity");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        List<Finding> findings = new ArrayList<>();
        for (DeclaredColumns.Declared declared : context.declaredColumns(command)) {
            if (declared.type().isSerial()) {
                String base = switch (declared.type().canonical()) {
                    case "smallserial" -> "smallint";
                    case "serial" -> "integer";
                    default -> "bigint";
                };
                findings.add(context.finding(INFO, declared.type().at(), declared.name() + " is "
                        + declared.type() + "; an identity column does the same without a loose sequence",
                        "use " + base + " GENERATED ALWAYS AS IDENTITY"));
            }
        }
        return findings;
    }
}
