package dev.slipway.lint;

import dev.slipway.sql.ColumnDefinition;
import dev.slipway.sql.SqlCommand;
import java.util.ArrayList;
import java.util.List;

/** {@code ADD COLUMN ... NOT NULL} without a default fails on a table with rows. */
final class AddingNotNullColumn implements Rule {
    static final RuleInfo INFO = RuleInfo.of("adding-not-null-column", Severity.ERROR,
            "ADD COLUMN ... NOT NULL without a default fails on a table with rows",
            "The new column is NULL in every existing row, so ADD COLUMN ... NOT NULL without a DEFAULT fails with"
                    + " \"column contains null values\" as soon as the table has a row: it works in development on an"
                    + " empty table and fails in production. Even where it succeeds, old code that inserts without"
                    + " the column now fails.",
            "Add the column with a constant DEFAULT (PostgreSQL 11+ stores it without rewriting the table), or add"
                    + " it nullable, backfill in batches, and set NOT NULL in two phases (see set-not-null).",
            "ALTER TABLE users ADD COLUMN subscription_tier text NOT NULL;\n",
            "ALTER TABLE users ADD COLUMN subscription_tier text NOT NULL DEFAULT 'free';\n")
            .squawk("adding-required-field");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.AlterTable alter) || context.isNew(alter.table())) return List.of();
        List<Finding> findings = new ArrayList<>();
        for (ColumnDefinition column : DeclaredColumns.added(alter)) {
            if (column.notNull() && !column.filledByServer()) {
                findings.add(context.finding(INFO, column.at(), "adding " + alter.table() + "." + column.name()
                        + " NOT NULL without a DEFAULT fails if the table has any row",
                        "add a default: ALTER TABLE " + alter.table() + " ADD COLUMN " + column.name() + " "
                                + column.type() + " NOT NULL DEFAULT <value>; or add it nullable, backfill, and"
                                + " set NOT NULL in two phases"));
            }
        }
        return findings;
    }
}
