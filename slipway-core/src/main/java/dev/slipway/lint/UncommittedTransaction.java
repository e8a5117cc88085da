package dev.slipway.lint;

import dev.slipway.sql.SqlCommand;
import dev.slipway.sql.Token;
import java.util.List;

/** A {@code BEGIN} the file never commits. */
final class UncommittedTransaction implements Rule {
    static final RuleInfo INFO = RuleInfo.of("uncommitted-transaction", Severity.ERROR,
            "BEGIN without a COMMIT",
            "A transaction block the file never commits is rolled back when the session ends, or, run by a tool"
                    + " that commits for you, commits at a point the file does not show. Slipway refuses such a file.",
            "Add the COMMIT that ends the block.",
            "BEGIN;\nCREATE TABLE users (id bigint);\n",
            "BEGIN;\nCREATE TABLE users (id bigint);\nCOMMIT;\n")
            .squawk("ban-uncommitted-transaction");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        return List.of();
    }

    @Override
    public List<Finding> atEnd(LintContext context) {
        if (!context.blockOpen()) return List.of();
        Token begin = context.openBlock().get();
        return List.of(context.finding(INFO, begin, "the transaction block that starts at line " + begin.line()
                + " is never committed"));
    }
}
