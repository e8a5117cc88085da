package dev.slipway.lint;

import dev.slipway.sql.QualifiedName;
import dev.slipway.sql.SqlCommand;
import dev.slipway.sql.Token;
import java.util.List;
import java.util.stream.Collectors;

/** {@code DROP INDEX} without {@code CONCURRENTLY} locks the table against reads and writes. */
final class DropIndexNonConcurrently implements Rule {
    static final RuleInfo INFO = RuleInfo.of("drop-index-non-concurrently", Severity.WARNING,
            "DROP INDEX without CONCURRENTLY blocks reads and writes on its table",
            "DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table. The drop itself is quick, but it waits"
                    + " behind every running query of the table while new queries queue behind it, and the lock"
                    + " is held until the migration's transaction commits.",
            "Use DROP INDEX CONCURRENTLY, which waits for running queries without blocking new ones (it cannot run"
                    + " in a transaction; Slipway runs it on its own).",
            "DROP INDEX applications_status_idx;\n",
            "-- slipway:no-transaction\nDROP INDEX CONCURRENTLY applications_status_idx;\n")
            .squawk("require-concurrent-index-deletion");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.DropIndex drop) || drop.concurrently()) return List.of();
        List<QualifiedName> existing = drop.indexes().stream().filter(i -> !context.isNewIndex(i)).toList();
        if (existing.isEmpty()) return List.of();
        Token index = drop.statement().tokens().get(1);
        return List.of(context.finding(INFO, drop.statement().tokens().get(0), "DROP INDEX "
                + existing.stream().map(QualifiedName::toString).collect(Collectors.joining(", "))
                + " takes an ACCESS EXCLUSIVE lock on the table, queueing every query behind it",
                SqlText.insertAfter(drop.statement(), index, "CONCURRENTLY")
                        + (existing.size() > 1 ? " (CONCURRENTLY drops one index per statement)" : "")));
    }
}
