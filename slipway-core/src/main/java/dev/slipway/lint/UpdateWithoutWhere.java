package dev.slipway.lint;

import dev.slipway.sql.SqlCommand;
import java.util.List;

/** {@code UPDATE} without {@code WHERE} overwrites every row. */
final class UpdateWithoutWhere implements Rule {
    static final RuleInfo INFO = RuleInfo.of("update-without-where", Severity.ERROR,
            "UPDATE without WHERE overwrites every row of the table",
            "An UPDATE without WHERE writes a new version of every row in one transaction: the old values are lost,"
                    + " every row stays locked against other writers until the migration commits, and the table"
                    + " doubles in size until VACUUM.",
            "Add the WHERE clause that names the rows to change (a backfill usually wants WHERE col IS NULL). To"
                    + " change every row on purpose, put -- slipway:batch key=<column> above it so it runs in"
                    + " committed batches.",
            "UPDATE users SET subscription_tier = 'free';\n",
            "-- slipway:batch key=id size=5000\n"
                    + "UPDATE users SET subscription_tier = 'free' WHERE subscription_tier IS NULL;\n");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.Update update) || update.hasWhere() || context.isNew(update.table())
                || context.batch().isPresent()) {
            return List.of();
        }
        return List.of(context.finding(INFO, update.statement().tokens().get(0), "UPDATE " + update.table()
                + " has no WHERE clause: it overwrites every row in one transaction"));
    }
}
