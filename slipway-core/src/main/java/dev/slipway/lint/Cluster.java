package dev.slipway.lint;

import dev.slipway.sql.SqlCommand;
import java.util.List;

/** {@code CLUSTER} rewrites the table in index order under {@code ACCESS EXCLUSIVE}. */
final class Cluster implements Rule {
    static final RuleInfo INFO = RuleInfo.of("cluster", Severity.WARNING,
            "CLUSTER rewrites the table while blocking reads and writes",
            "CLUSTER copies the table in index order and rebuilds its indexes under an ACCESS EXCLUSIVE lock: reads"
                    + " and writes wait for the whole copy. Without a table name it does so for every table that"
                    + " was clustered before.",
            "Reorder online with the pg_repack extension (pg_repack --order-by), or with REPACK ... CONCURRENTLY"
                    + " where the server has it; or leave the order to the planner and an index.",
            "CLUSTER events USING events_created_at_idx;\n",
            "-- reorder online, outside the migration: pg_repack --table=events --order-by=created_at\n"
                    + "ANALYZE events;\n")
            .squawk("prefer-repack")
            .differs("squawk's prefer-repack fires only for PostgreSQL 19+, where it can point at REPACK; CLUSTER"
                    + " blocks reads and writes on every version, so it is flagged here on every version.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.Cluster cluster)
                || cluster.table() != null && context.isNew(cluster.table())) {
            return List.of();
        }
        String what = cluster.table() == null ? "every previously clustered table" : cluster.table().toString();
        return List.of(context.finding(INFO, cluster.statement().tokens().get(0), "CLUSTER rewrites " + what
                + " under an ACCESS EXCLUSIVE lock, blocking reads and writes for the whole rewrite"));
    }
}
