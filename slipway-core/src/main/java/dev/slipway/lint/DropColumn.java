package dev.slipway.lint;

import dev.slipway.sql.AlterTableAction;
import dev.slipway.sql.SqlCommand;
import java.util.ArrayList;
import java.util.List;

/** {@code ALTER TABLE ... DROP COLUMN} deletes the column's data and breaks code that still uses it. */
final class DropColumn implements Rule {
    static final RuleInfo INFO = RuleInfo.of("drop-column", Severity.ERROR,
            "DROP COLUMN deletes the column's data and breaks code that still uses it",
            "DROP COLUMN takes an ACCESS EXCLUSIVE lock only for a moment (the column is marked dropped, the table"
                    + " is not rewritten), but its data is gone at once, and every running query, ORM model or"
                    + " INSERT that names the column fails until the code that uses it is gone.",
            "Drop a column in the last phase of an expand/contract change: stop reading it, deploy; stop writing"
                    + " it, deploy; back up; then drop it in its own migration with"
                    + " -- slipway:allow drop-column because <reason>.",
            "ALTER TABLE jobs DROP COLUMN description;\n",
            "-- slipway:allow drop-column because release 42 reads description_text only (phase 3 of the rename)\n"
                    + "ALTER TABLE jobs DROP COLUMN description;\n")
            .squawk("ban-drop-column");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.AlterTable alter) || context.isNew(alter.table())) return List.of();
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.DropColumn drop) {
                findings.add(context.finding(INFO, action.at(), "dropping " + alter.table() + "." + drop.column()
                        + " deletes its data" + (drop.cascade() ? " and, with CASCADE, the views and constraints"
                        + " that use it" : "") + "; queries and code that still name the column fail"));
            }
        }
        return findings;
    }
}
