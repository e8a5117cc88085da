package dev.slipway.lint;

import dev.slipway.sql.QualifiedName;
import dev.slipway.sql.SqlCommand;
import java.util.ArrayList;
import java.util.List;

/** {@code DROP DATABASE} has no place in a migration. */
final class DropDatabase implements Rule {
    static final RuleInfo INFO = RuleInfo.of("drop-database", Severity.ERROR,
            "DROP DATABASE deletes a whole database",
            "DROP DATABASE removes the database and everything in it; it cannot run inside a transaction and fails"
                    + " while anyone is connected (WITH (FORCE) disconnects them).",
            "Drop databases by hand, after a backup, not from a migration that runs against every environment.",
            "DROP DATABASE IF EXISTS analytics;\n",
            "-- drop it by hand after `slipway backup`, not in a migration\nSELECT 1;\n")
            .squawk("ban-drop-database");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.Drop drop) || !drop.kind().equals("DATABASE")) return List.of();
        List<Finding> findings = new ArrayList<>();
        for (QualifiedName database : drop.names()) {
            findings.add(context.finding(INFO, drop.statement().tokens().get(0), "DROP DATABASE " + database
                    + " deletes the whole database"));
        }
        return findings;
    }
}
