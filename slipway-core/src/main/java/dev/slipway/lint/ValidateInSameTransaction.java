package dev.slipway.lint;

import dev.slipway.sql.AlterTableAction;
import dev.slipway.sql.SqlCommand;
import java.util.ArrayList;
import java.util.List;

/** {@code VALIDATE CONSTRAINT} in the transaction that added the constraint keeps the strong lock through the scan. */
final class ValidateInSameTransaction implements Rule {
    static final RuleInfo INFO = RuleInfo.of("validate-in-same-transaction", Severity.WARNING,
            "VALIDATE CONSTRAINT in the same transaction as ADD ... NOT VALID keeps the strong lock through the scan",
            "ADD CONSTRAINT ... NOT VALID takes an ACCESS EXCLUSIVE (CHECK) or SHARE ROW EXCLUSIVE (foreign key)"
                    + " lock that is held until the transaction ends. VALIDATE CONSTRAINT in the same transaction"
                    + " therefore scans the table while that lock still blocks reads or writes, which is exactly"
                    + " what NOT VALID was meant to avoid. Slipway runs a whole file in one transaction unless it"
                    + " says -- slipway:no-transaction.",
            "Validate in the next migration, or make this file run statement by statement with"
                    + " -- slipway:no-transaction at its top, so each statement commits (and releases its lock)"
                    + " before the next starts.",
            "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\n"
                    + "ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;\n",
            "-- slipway:no-transaction\n"
                    + "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id)"
                    + " NOT VALID;\n"
                    + "ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;\n")
            .squawk("constraint-missing-not-valid")
            .differs("squawk treats a file without BEGIN as statements that each commit unless told"
                    + " --assume-in-transaction; Slipway runs such a file as one transaction, so the same file is"
                    + " flagged here. The other way round, squawk told --assume-in-transaction flags a file marked"
                    + " -- slipway:no-transaction, which Slipway runs statement by statement, each committed.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.AlterTable alter)) return List.of();
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.ValidateConstraint validate
                    && context.addedNotValidInThisTransaction(alter.table(), validate.constraint())) {
                findings.add(context.finding(INFO, action.at(), "VALIDATE CONSTRAINT " + validate.constraint()
                        + " runs in the transaction that added it NOT VALID, so the scan of " + alter.table()
                        + " happens while the lock taken by ADD CONSTRAINT still blocks others"));
            }
        }
        return findings;
    }
}
