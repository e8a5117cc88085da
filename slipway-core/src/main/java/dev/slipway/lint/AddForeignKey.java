package dev.slipway.lint;

import dev.slipway.sql.AlterTableAction;
import dev.slipway.sql.ColumnDefinition;
import dev.slipway.sql.SqlCommand;
import dev.slipway.sql.TableConstraint;
import dev.slipway.sql.Token;
import java.util.ArrayList;
import java.util.List;

/** A foreign key added without {@code NOT VALID} checks every row while blocking writes to both tables. */
final class AddForeignKey implements Rule {
    static final RuleInfo INFO = RuleInfo.of("add-foreign-key", Severity.WARNING,
            "A foreign key added without NOT VALID blocks writes to both tables while every row is checked",
            "ADD FOREIGN KEY takes a SHARE ROW EXCLUSIVE lock on the table and on the table it references, then"
                    + " checks every existing row: inserts, updates and deletes on both tables wait for the whole"
                    + " check (and for longer when the file holds the lock in its transaction).",
            "Add the key with NOT VALID (only new rows are checked; the lock lasts a moment), then VALIDATE"
                    + " CONSTRAINT in a later migration: the check runs under SHARE UPDATE EXCLUSIVE on the table and"
                    + " ROW SHARE on the referenced one, so writes go on.",
            "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);\n",
            "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\n"
                    + "-- and in the next migration:\n"
                    + "-- ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;\n")
            .squawk("adding-foreign-key-constraint", "constraint-missing-not-valid");

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
                    && add.constraint().kind() == TableConstraint.Kind.FOREIGN_KEY && !add.constraint().notValid()) {
                TableConstraint key = add.constraint();
                String name = key.name() == null ? "the foreign key" : key.name();
                findings.add(context.finding(INFO, action.at(), "adding " + name + " checks every row of "
                        + alter.table() + " while holding SHARE ROW EXCLUSIVE locks that block writes to "
                        + alter.table() + (key.references() == null ? "" : " and " + key.references()),
                        "add it NOT VALID: " + SqlText.insertAfter(command.statement(),
                                lastToken(command), "NOT VALID") + " then VALIDATE CONSTRAINT "
                                + (key.name() == null ? "<name>" : key.name()) + " in the next migration"));
            } else if (action instanceof AlterTableAction.AddColumn add && add.column().references() != null) {
                ColumnDefinition column = add.column();
                findings.add(context.finding(INFO, column.at(), "adding " + alter.table() + "." + column.name()
                        + " with REFERENCES " + column.references() + " checks the table under locks that block"
                        + " writes to " + alter.table() + " and " + column.references(),
                        "add the column without REFERENCES, then ALTER TABLE " + alter.table() + " ADD CONSTRAINT ..."
                                + " FOREIGN KEY (" + column.name() + ") REFERENCES " + column.references()
                                + " NOT VALID, and VALIDATE CONSTRAINT it in the next migration"));
            }
        }
        return findings;
    }

    private static Token lastToken(SqlCommand command) {
        List<Token> tokens = command.statement().tokens();
        return tokens.get(tokens.size() - 1);
    }
}
