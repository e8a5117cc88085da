package dev.slipway.lint;

import dev.slipway.sql.AlterTableAction;
import dev.slipway.sql.SqlCommand;
import java.util.ArrayList;
import java.util.List;

/** {@code RENAME COLUMN} breaks running code that uses the old name. */
final class RenameColumn implements Rule {
    static final RuleInfo INFO = RuleInfo.of("rename-column", Severity.WARNING,
            "Renaming a column breaks the code that is running",
            "RENAME COLUMN is quick (a catalog change under a brief ACCESS EXCLUSIVE lock), but every query of the"
                    + " running application that names the old column fails from that moment until the new code"
                    + " is deployed everywhere.",
            "Rename in three phases: add the new column and write both (phase 1); backfill old to new in batches"
                    + " and switch reads (phase 2); drop the old column (phase 3). Or keep the old name.",
            "ALTER TABLE jobs RENAME COLUMN description TO description_text;\n",
            "-- phase 1: add the new column; the code writes both\n"
                    + "ALTER TABLE jobs ADD COLUMN description_text text;\n"
                    + "-- phase 2 (next migration): backfill\n"
                    + "-- slipway:batch key=id size=5000\n"
                    + "UPDATE jobs SET description_text = description WHERE description_text IS NULL;\n"
                    + "-- phase 3 (after the code reads only description_text): drop description\n")
            .squawk("renaming-column");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.AlterTable alter) || context.isNew(alter.table())) return List.of();
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.RenameColumn rename) {
                findings.add(context.finding(INFO, action.at(), "renaming " + alter.table() + "." + rename.column()
                        + " to " + rename.newName() + " breaks every running query that still names "
                        + rename.column()));
            }
        }
        return findings;
    }
}
