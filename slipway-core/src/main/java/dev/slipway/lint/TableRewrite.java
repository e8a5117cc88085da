package dev.slipway.lint;

import dev.slipway.sql.AlterTableAction;
import dev.slipway.sql.SqlCommand;
import java.util.ArrayList;
import java.util.List;

/** {@code SET LOGGED/UNLOGGED/TABLESPACE/ACCESS METHOD} copy the whole table under {@code ACCESS EXCLUSIVE}. */
final class TableRewrite implements Rule {
    static final RuleInfo INFO = RuleInfo.of("table-rewrite", Severity.WARNING,
            "SET LOGGED, SET UNLOGGED, SET TABLESPACE and SET ACCESS METHOD copy the whole table",
            "These ALTER TABLE forms write a new copy of the table (and, for SET TABLESPACE, move its files) under"
                    + " an ACCESS EXCLUSIVE lock: reads and writes wait for the whole copy.",
            "Do it at a quiet time with a short lock timeout, or build a new table and switch to it; move big tables"
                    + " between tablespaces with pg_repack --tablespace.",
            "ALTER TABLE events SET TABLESPACE archive;\n",
            "-- move online, outside the migration: pg_repack --table=events --tablespace=archive\n"
                    + "ANALYZE events;\n");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.AlterTable alter) || context.isNew(alter.table())) return List.of();
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.Rewrite rewrite) {
                findings.add(context.finding(INFO, action.at(), rewrite.what() + " copies all of " + alter.table()
                        + " under an ACCESS EXCLUSIVE lock, blocking reads and writes for the whole copy"));
            }
        }
        return findings;
    }
}
