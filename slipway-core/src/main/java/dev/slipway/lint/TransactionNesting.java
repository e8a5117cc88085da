package dev.slipway.lint;

import dev.slipway.sql.SqlCommand;
import dev.slipway.sql.TransactionControl;
import java.util.List;

/** {@code BEGIN} inside a block; {@code COMMIT} or {@code ROLLBACK} that ends a transaction the file did not open. */
final class TransactionNesting implements Rule {
    static final RuleInfo INFO = RuleInfo.of("transaction-nesting", Severity.ERROR,
            "BEGIN inside a block, or COMMIT/ROLLBACK without a BEGIN",
            "PostgreSQL has no nested transactions: a second BEGIN only warns, and the first COMMIT ends both,"
                    + " so what was meant to be atomic is not. A COMMIT or ROLLBACK without a BEGIN of the file ends"
                    + " the transaction Slipway runs the file in, and a ROLLBACK silently throws away the"
                    + " migration's own work. Slipway refuses such a file.",
            "Leave transactions to Slipway (one per file), or use BEGIN ... COMMIT blocks that neither nest nor roll"
                    + " back; use SAVEPOINT for a part that may fail.",
            "BEGIN;\nBEGIN;\nCREATE TABLE users (id bigint);\nCOMMIT;\n",
            "BEGIN;\nCREATE TABLE users (id bigint);\nCOMMIT;\n")
            .squawk("transaction-nesting")
            .differs("Told --assume-in-transaction, squawk flags every BEGIN and COMMIT in a file, since a tool"
                    + " that wraps each file in a transaction would nest them; Slipway runs a file with its own"
                    + " BEGIN ... COMMIT blocks block by block instead, so only blocks that really nest (or end a"
                    + " transaction the file did not open) are flagged here.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.Transaction transaction)) return List.of();
        String verb = transaction.statement().keywords(1).get(0);
        if (transaction.control() == TransactionControl.BEGIN && context.blockOpen()) {
            return List.of(context.finding(INFO, transaction.statement().tokens().get(0), verb
                    + " inside the transaction block that starts at line " + context.openBlock().get().line()
                    + ": PostgreSQL does not nest transactions, the next COMMIT ends both"));
        }
        if (transaction.control() == TransactionControl.ROLLBACK) {
            return List.of(context.finding(INFO, transaction.statement().tokens().get(0), verb
                    + " in a migration throws away its own work; Slipway refuses to run it"));
        }
        if (transaction.control() == TransactionControl.COMMIT && !context.blockOpen()) {
            return List.of(context.finding(INFO, transaction.statement().tokens().get(0), verb
                    + " without a BEGIN would end the transaction Slipway runs the migration in"));
        }
        return List.of();
    }
}
