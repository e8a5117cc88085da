package dev.slipway.lint;

import dev.slipway.sql.AlterTableAction;
import dev.slipway.sql.SqlCommand;
import java.util.ArrayList;
import java.util.List;

/** {@code DETACH PARTITION} without {@code CONCURRENTLY} locks the partitioned table. */
final class DetachPartitionNonConcurrently implements Rule {
    /** The first major version with {@code DETACH PARTITION ... CONCURRENTLY}. */
    static final int CONCURRENT_DETACH_SINCE = 14;

    static final RuleInfo INFO = RuleInfo.of("detach-partition-non-concurrently", Severity.WARNING,
            "DETACH PARTITION without CONCURRENTLY blocks reads and writes on the whole partitioned table",
            "DETACH PARTITION takes an ACCESS EXCLUSIVE lock on the partitioned table and the partition: every query"
                    + " of any partition waits for it, and for every query already running.",
            "On PostgreSQL 14+, use DETACH PARTITION ... CONCURRENTLY, which takes only SHARE UPDATE EXCLUSIVE on"
                    + " the parent (it cannot run in a transaction; Slipway runs it on its own).",
            "ALTER TABLE measurements DETACH PARTITION measurements_2019;\n",
            "-- slipway:no-transaction\nALTER TABLE measurements DETACH PARTITION measurements_2019 CONCURRENTLY;\n")
            .squawk("require-concurrent-partition-detach");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.AlterTable alter) || context.isNew(alter.table())) return List.of();
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.DetachPartition detach && !detach.concurrently()) {
                String fix = context.pgMajor() >= CONCURRENT_DETACH_SINCE
                        ? "ALTER TABLE " + alter.table() + " DETACH PARTITION " + detach.partition()
                        + " CONCURRENTLY; (with -- slipway:no-transaction at the top of the file)"
                        : "PostgreSQL " + context.pgMajor() + " cannot detach concurrently; detach at a quiet time"
                        + " with a short lock timeout";
                findings.add(context.finding(INFO, action.at(), "detaching " + detach.partition() + " takes an"
                        + " ACCESS EXCLUSIVE lock on " + alter.table() + ", blocking reads and writes of every"
                        + " partition", fix));
            }
        }
        return findings;
    }
}
