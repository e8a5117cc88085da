package dev.slipway.lint;

import dev.slipway.sql.AlterTableAction;
import dev.slipway.sql.SqlCommand;
import java.util.ArrayList;
import java.util.List;

/** {@code SET NOT NULL} scans the table under {@code ACCESS EXCLUSIVE} unless a valid check proves it. */
final class SetNotNull implements Rule {
    /** The first major version that skips the scan when a valid {@code CHECK (col IS NOT NULL)} exists. */
    static final int CHECK_PROVES_NOT_NULL_SINCE = 12;

    static final RuleInfo INFO = RuleInfo.of("set-not-null", Severity.WARNING,
            "SET NOT NULL scans the whole table while blocking reads and writes",
            "ALTER COLUMN ... SET NOT NULL takes an ACCESS EXCLUSIVE lock and reads every row to prove there is no"
                    + " NULL: on a big table, reads and writes wait for the whole scan. PostgreSQL 12 and later skip"
                    + " the scan when a valid CHECK (column IS NOT NULL) constraint already proves it.",
            "Set NOT NULL in two phases. Migration 1: ALTER TABLE t ADD CONSTRAINT t_col_not_null CHECK (col IS NOT"
                    + " NULL) NOT VALID; (a moment's lock). Migration 2: ALTER TABLE t VALIDATE CONSTRAINT"
                    + " t_col_not_null; (scans under SHARE UPDATE EXCLUSIVE: reads and writes go on), then ALTER"
                    + " TABLE t ALTER COLUMN col SET NOT NULL; (no scan on 12+) and ALTER TABLE t DROP CONSTRAINT"
                    + " t_col_not_null;.",
            "ALTER TABLE users ALTER COLUMN subscription_tier SET NOT NULL;\n",
            "-- phase 1 (or its own migration): a moment's lock, no scan\n"
                    + "BEGIN;\n"
                    + "ALTER TABLE users ADD CONSTRAINT users_tier_not_null CHECK (subscription_tier IS NOT NULL)"
                    + " NOT VALID;\n"
                    + "COMMIT;\n"
                    + "-- phase 2: the scan runs under SHARE UPDATE EXCLUSIVE, reads and writes go on\n"
                    + "BEGIN;\n"
                    + "ALTER TABLE users VALIDATE CONSTRAINT users_tier_not_null;\n"
                    + "ALTER TABLE users ALTER COLUMN subscription_tier SET NOT NULL;\n"
                    + "ALTER TABLE users DROP CONSTRAINT users_tier_not_null;\n"
                    + "COMMIT;\n")
            .squawk("adding-not-nullable-field")
            .differs("squawk accepts SET NOT NULL after any VALIDATE CONSTRAINT of the same table in the file,"
                    + " whatever that constraint checks; this rule accepts it only after a CHECK (column IS NOT NULL)"
                    + " it can see being added and validated.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.AlterTable alter) || context.isNew(alter.table())) return List.of();
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (!(action instanceof AlterTableAction.SetNotNull set)) continue;
            boolean proven = context.pgMajor() >= CHECK_PROVES_NOT_NULL_SINCE
                    && context.hasValidNotNullCheck(alter.table(), set.column());
            if (proven) continue;
            String constraint = alter.table().name() + "_" + set.column() + "_not_null";
            String fix = context.pgMajor() >= CHECK_PROVES_NOT_NULL_SINCE
                    ? "in one migration: ALTER TABLE " + alter.table() + " ADD CONSTRAINT " + constraint + " CHECK ("
                    + set.column() + " IS NOT NULL) NOT VALID; in the next: ALTER TABLE " + alter.table()
                    + " VALIDATE CONSTRAINT " + constraint + "; then this SET NOT NULL (no scan) and DROP CONSTRAINT "
                    + constraint
                    : "PostgreSQL " + context.pgMajor() + " always scans for SET NOT NULL; keep a validated CHECK ("
                    + set.column() + " IS NOT NULL) constraint instead, added NOT VALID and validated in a later"
                    + " migration";
            findings.add(context.finding(INFO, action.at(), "SET NOT NULL on " + alter.table() + "." + set.column()
                    + " scans every row under an ACCESS EXCLUSIVE lock, blocking reads and writes until it is done",
                    fix));
        }
        return findings;
    }
}
