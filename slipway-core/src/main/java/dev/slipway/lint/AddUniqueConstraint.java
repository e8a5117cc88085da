package dev.slipway.lint;

import dev.slipway.sql.AlterTableAction;
import dev.slipway.sql.SqlCommand;
import dev.slipway.sql.TableConstraint;
import java.util.ArrayList;
import java.util.List;

/** {@code ADD UNIQUE} builds its index while blocking reads and writes. */
final class AddUniqueConstraint implements Rule {
    static final RuleInfo INFO = RuleInfo.of("add-unique-constraint", Severity.WARNING,
            "ADD UNIQUE builds an index while blocking reads and writes",
            "ADD CONSTRAINT ... UNIQUE (or ADD COLUMN ... UNIQUE) takes an ACCESS EXCLUSIVE lock and builds the"
                    + " unique index over every row before it returns: reads and writes wait for the whole build.",
            "Build the index first with CREATE UNIQUE INDEX CONCURRENTLY (reads and writes go on), then attach it:"
                    + " ALTER TABLE t ADD CONSTRAINT name UNIQUE USING INDEX index_name (a moment's lock).",
            "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);\n",
            "-- slipway:no-transaction\n"
                    + "CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\n"
                    + "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;\n")
            .squawk("disallowed-unique-constraint");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.AlterTable alter) || context.isNew(alter.table())) return List.of();
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.AddConstraint add
                    && add.constraint().kind() == TableConstraint.Kind.UNIQUE
                    && add.constraint().usingIndex() == null) {
                TableConstraint unique = add.constraint();
                String name = unique.name() != null ? unique.name()
                        : alter.table().name() + "_" + String.join("_", unique.columns()) + "_key";
                findings.add(context.finding(INFO, action.at(), "adding UNIQUE (" + String.join(", ",
                        unique.columns()) + ") builds an index over every row of " + alter.table()
                        + " under an ACCESS EXCLUSIVE lock, blocking reads and writes",
                        "CREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " + alter.table() + " ("
                                + String.join(", ", unique.columns()) + "); then ALTER TABLE " + alter.table()
                                + " ADD CONSTRAINT " + name + " UNIQUE USING INDEX " + name + ";"));
            } else if (action instanceof AlterTableAction.AddColumn add && add.column().unique()) {
                findings.add(context.finding(INFO, add.column().at(), "adding " + alter.table() + "."
                        + add.column().name() + " UNIQUE builds an index over every row under an ACCESS EXCLUSIVE"
                        + " lock, blocking reads and writes"));
            }
        }
        return findings;
    }
}
