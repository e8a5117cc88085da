package dev.slipway.lint;

import dev.slipway.sql.AlterTableAction;
import dev.slipway.sql.SqlCommand;
import java.util.ArrayList;
import java.util.List;

/** {@code RENAME TO} breaks running code that uses the old table name. */
final class RenameTable implements Rule {
    static final RuleInfo INFO = RuleInfo.of("rename-table", Severity.WARNING,
            "Renaming a table breaks the code that is running",
            "ALTER TABLE ... RENAME TO is quick (a catalog change under a brief ACCESS EXCLUSIVE lock), but every"
                    + " query of the running application that names the old table fails until the new code is"
                    + " deployed everywhere.",
            "Rename, then create a view with the old name (CREATE VIEW old_name AS SELECT * FROM new_name; simple"
                    + " views are updatable) and drop the view once no code uses the old name.",
            "ALTER TABLE customer RENAME TO customers;\n",
            "-- slipway:allow rename-table because the view below keeps the old name working until release 43\n"
                    + "ALTER TABLE customer RENAME TO customers;\n"
                    + "CREATE VIEW customer AS SELECT * FROM customers;\n")
            .squawk("renaming-table");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.AlterTable alter) || context.isNew(alter.table())) return List.of();
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.RenameTable rename) {
                findings.add(context.finding(INFO, action.at(), "renaming " + alter.table() + " to "
                        + rename.newName() + " breaks every running query that still names " + alter.table(),
                        "rename and keep the old name working for running code: CREATE VIEW " + alter.table()
                                + " AS SELECT * FROM " + rename.newName() + ";"));
            }
        }
        return findings;
    }
}
