package dev.slipway.lint;

import dev.slipway.sql.SqlCommand;
import dev.slipway.sql.SqlStatement;
import java.util.List;

/** {@code CREATE INDEX CONCURRENTLY} and its kind fail inside a transaction block. */
final class ConcurrentlyInTransaction implements Rule {
    static final RuleInfo INFO = RuleInfo.of("concurrently-in-transaction", Severity.ERROR,
            "CONCURRENTLY (and VACUUM) cannot run inside a BEGIN ... COMMIT block",
            "PostgreSQL refuses CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH PARTITION"
                    + " CONCURRENTLY and VACUUM inside a transaction block with \"cannot run inside a transaction"
                    + " block\", so the migration fails at that statement.",
            "Move the statement out of the BEGIN ... COMMIT block. Slipway runs such a statement on its own, outside"
                    + " a transaction, and resumes the file there after a crash; put -- slipway:no-transaction at"
                    + " the top of the file to say that it runs statement by statement.",
            "BEGIN;\nCREATE INDEX CONCURRENTLY applications_status_idx ON applications (status);\nCOMMIT;\n",
            "-- slipway:no-transaction\nCREATE INDEX CONCURRENTLY applications_status_idx ON applications (status);\n")
            .squawk("ban-concurrent-index-creation-in-transaction")
            .differs("squawk's rule knows only CREATE INDEX CONCURRENTLY; this one also catches DROP INDEX,"
                    + " REINDEX and DETACH PARTITION ... CONCURRENTLY and VACUUM, which fail the same way. Told"
                    + " --assume-in-transaction, squawk flags every CREATE INDEX CONCURRENTLY, while Slipway runs a"
                    + " file that holds one outside a transaction, so only a BEGIN ... COMMIT block of the file"
                    + " makes it fail here.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        SqlStatement statement = command.statement();
        if (!context.inExplicitBlock() || !statement.cannotRunInTransaction(context.pgMajor())) return List.of();
        String opened = context.openBlock().map(begin -> " that starts at line " + begin.line()).orElse("");
        return List.of(context.finding(INFO, statement.tokens().get(0), SqlText.firstLine(statement)
                + " cannot run inside the transaction block" + opened + "; the migration would fail here",
                "move it out of the BEGIN ... COMMIT block and put -- slipway:no-transaction at the top of the"
                        + " file: Slipway then runs it on its own, outside a transaction"));
    }
}
