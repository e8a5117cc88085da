package dev.slipway.lint;

import dev.slipway.sql.SqlCommand;
import dev.slipway.sql.Token;
import java.util.List;

/** {@code CREATE INDEX} without {@code CONCURRENTLY} blocks writes for the whole build. */
final class CreateIndexNonConcurrently implements Rule {
    static final RuleInfo INFO = RuleInfo.of("create-index-non-concurrently", Severity.WARNING,
            "CREATE INDEX without CONCURRENTLY blocks writes for the whole build",
            "CREATE INDEX takes a SHARE lock on the table: reads go on, but every INSERT, UPDATE and DELETE waits"
                    + " until the index is built, which on a big table takes minutes.",
            "Build it with CREATE INDEX CONCURRENTLY (SHARE UPDATE EXCLUSIVE: writes go on; it takes longer and"
                    + " cannot run in a transaction). Slipway runs it outside a transaction and, after a crash,"
                    + " drops an invalid half-built index and builds it again.",
            "CREATE INDEX applications_status_idx ON applications (status);\n",
            "-- slipway:no-transaction\nCREATE INDEX CONCURRENTLY applications_status_idx ON applications (status);\n")
            .squawk("require-concurrent-index-creation")
            .differs("squawk also flags an index on a table created earlier in the same file unless it is told"
                    + " --assume-in-transaction or the file uses BEGIN; Slipway knows such a table is new and empty.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.CreateIndex index) || index.concurrently()
                || context.isNew(index.table())) {
            return List.of();
        }
        Token indexKeyword = null;
        for (Token token : index.statement().tokens()) {
            if (token.isKeyword("INDEX")) {
                indexKeyword = token;
                break;
            }
        }
        String rewritten = SqlText.insertAfter(index.statement(), indexKeyword, "CONCURRENTLY");
        return List.of(context.finding(INFO, index.statement().tokens().get(0), "building "
                + (index.name() == null ? "an index" : index.name()) + " on " + index.table()
                + " takes a SHARE lock that blocks writes until the whole index is built",
                rewritten + " (with -- slipway:no-transaction at the top of the file if it holds other statements)"));
    }
}
