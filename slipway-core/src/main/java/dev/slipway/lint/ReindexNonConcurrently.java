package dev.slipway.lint;

import dev.slipway.sql.SqlCommand;
import java.util.List;

/** {@code REINDEX} without {@code CONCURRENTLY} blocks writes, and reads that use the index. */
final class ReindexNonConcurrently implements Rule {
    /** The first major version with {@code REINDEX CONCURRENTLY}. */
    static final int CONCURRENT_REINDEX_SINCE = 12;

    static final RuleInfo INFO = RuleInfo.of("reindex-non-concurrently", Severity.WARNING,
            "REINDEX without CONCURRENTLY blocks writes while the index is rebuilt",
            "REINDEX takes a SHARE lock on the table (writes wait) and an ACCESS EXCLUSIVE lock on each index it"
                    + " rebuilds (queries that would use the index wait) for the whole rebuild.",
            "Use REINDEX ... CONCURRENTLY (PostgreSQL 12+; it cannot run in a transaction, Slipway runs it on its"
                    + " own). Before 12, build a new index CONCURRENTLY, drop the old one CONCURRENTLY and rename.",
            "REINDEX INDEX applications_status_idx;\n",
            "-- slipway:no-transaction\nREINDEX INDEX CONCURRENTLY applications_status_idx;\n")
            .squawk("require-concurrent-reindex");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.Reindex reindex) || reindex.concurrently()
                || reindex.kind().equals("SYSTEM")) {
            return List.of();
        }
        String what = reindex.kind() + (reindex.target() == null ? "" : " " + reindex.target());
        String fix = context.pgMajor() >= CONCURRENT_REINDEX_SINCE
                ? "REINDEX " + reindex.kind() + " CONCURRENTLY" + (reindex.target() == null ? "" : " "
                + reindex.target()) + "; (with -- slipway:no-transaction at the top of the file)"
                : "PostgreSQL " + context.pgMajor() + " has no REINDEX CONCURRENTLY: build a new index CONCURRENTLY,"
                + " drop the old one CONCURRENTLY, then rename the new one";
        return List.of(context.finding(INFO, reindex.statement().tokens().get(0), "REINDEX " + what
                + " blocks writes, and queries that use the rebuilt indexes, until the rebuild is done", fix));
    }
}
