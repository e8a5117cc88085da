package dev.slipway.lint;

import dev.slipway.sql.AlterTableAction;
import dev.slipway.sql.SqlCommand;
import java.util.ArrayList;
import java.util.List;

/** {@code ALTER COLUMN ... TYPE} usually rewrites the table and breaks code that reads the old type. */
final class AlterColumnType implements Rule {
    static final RuleInfo INFO = RuleInfo.of("alter-column-type", Severity.WARNING,
            "Changing a column's type rewrites the table while blocking reads and writes",
            "ALTER COLUMN ... TYPE takes an ACCESS EXCLUSIVE lock and, unless the old type converts to the new one"
                    + " without change (varchar(n) to a longer varchar or text, numeric to a wider numeric), rewrites"
                    + " the table and rebuilds its indexes while reads and writes wait. Code that reads or writes"
                    + " the column with the old type may break.",
            "Change it in phases: add a column of the new type, write both from the code, backfill in batches"
                    + " (-- slipway:batch), switch reads, then drop the old column.",
            "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12, 2);\n",
            "ALTER TABLE orders ADD COLUMN total_exact numeric(12, 2);\n"
                    + "-- next migration, after the code writes both columns:\n"
                    + "-- slipway:batch key=id size=5000\n"
                    + "UPDATE orders SET total_exact = total WHERE total_exact IS NULL;\n")
            .squawk("changing-column-type");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.AlterTable alter) || context.isNew(alter.table())) return List.of();
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.AlterColumnType change) {
                findings.add(context.finding(INFO, action.at(), "changing " + alter.table() + "." + change.column()
                        + " to " + change.type() + " takes an ACCESS EXCLUSIVE lock and rewrites the table unless"
                        + " the old type converts without change; code using the old type may break"));
            }
        }
        return findings;
    }
}
