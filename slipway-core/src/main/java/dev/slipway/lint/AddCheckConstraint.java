package dev.slipway.lint;

import dev.slipway.sql.AlterTableAction;
import dev.slipway.sql.SqlCommand;
import dev.slipway.sql.TableConstraint;
import java.util.ArrayList;
import java.util.List;

/** A {@code CHECK} constraint added without {@code NOT VALID} scans the table under {@code ACCESS EXCLUSIVE}. */
final class AddCheckConstraint implements Rule {
    static final RuleInfo INFO = RuleInfo.of("add-check-constraint", Severity.WARNING,
            "A CHECK constraint added without NOT VALID scans the table while blocking reads and writes",
            "ADD CONSTRAINT ... CHECK takes an ACCESS EXCLUSIVE lock and evaluates the check on every existing row"
                    + " before it returns: reads and writes wait for the whole scan.",
            "Add the constraint NOT VALID (a moment's lock; new rows are checked from then on) and VALIDATE"
                    + " CONSTRAINT it in a later migration, which scans under SHARE UPDATE EXCLUSIVE while reads"
                    + " and writes go on.",
            "ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0);\n",
            "ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0) NOT VALID;\n"
                    + "-- and in the next migration:\n"
                    + "-- ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;\n")
            .squawk("constraint-missing-not-valid")
            .differs("squawk's constraint-missing-not-valid also fires on UNIQUE, PRIMARY KEY and EXCLUDE"
                    + " constraints, which PostgreSQL cannot add NOT VALID; here add-unique-constraint and"
                    + " add-primary-key judge those, with the fix that works (an index built CONCURRENTLY).");

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
                    && add.constraint().kind() == TableConstraint.Kind.CHECK && !add.constraint().notValid()) {
                String name = add.constraint().name() == null ? "CHECK (" + add.constraint().expressionText() + ")"
                        : add.constraint().name();
                findings.add(context.finding(INFO, action.at(), "adding " + name + " checks every row of "
                        + alter.table() + " under an ACCESS EXCLUSIVE lock, blocking reads and writes",
                        "add it NOT VALID and run ALTER TABLE " + alter.table() + " VALIDATE CONSTRAINT "
                                + (add.constraint().name() == null ? "<name>" : add.constraint().name())
                                + " in the next migration"));
            }
        }
        return findings;
    }
}
