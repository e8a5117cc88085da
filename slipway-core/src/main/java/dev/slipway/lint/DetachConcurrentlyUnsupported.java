package dev.slipway.lint;

import dev.slipway.sql.AlterTableAction;
import dev.slipway.sql.SqlCommand;
import java.util.ArrayList;
import java.util.List;

/** {@code DETACH PARTITION ... CONCURRENTLY} on a server older than 14, which rejects it. */
final class DetachConcurrentlyUnsupported implements Rule {
    static final RuleInfo INFO = RuleInfo.of("detach-concurrently-unsupported", Severity.ERROR,
            "DETACH PARTITION ... CONCURRENTLY does not exist before PostgreSQL 14",
            "PostgreSQL 12 and 13 reject the statement with a syntax error, so the migration fails when it runs. The"
                    + " concurrent form, which takes only SHARE UPDATE EXCLUSIVE on the partitioned table, came in 14.",
            "On 12 and 13, detach without CONCURRENTLY at a quiet time with a short lock timeout (it takes ACCESS"
                    + " EXCLUSIVE on the partitioned table), or upgrade the server to 14 or later first.",
            "-- slipway:no-transaction\nALTER TABLE measurements DETACH PARTITION measurements_2019 CONCURRENTLY;\n",
            "-- slipway:lock-timeout 1s\nALTER TABLE measurements DETACH PARTITION measurements_2019;\n")
            .examplesOn(13);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.AlterTable alter)
                || context.pgMajor() >= DetachPartitionNonConcurrently.CONCURRENT_DETACH_SINCE) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.DetachPartition detach && detach.concurrently()) {
                findings.add(context.finding(INFO, action.at(), "PostgreSQL " + context.pgMajor() + " has no DETACH"
                        + " PARTITION ... CONCURRENTLY (it came in " + DetachPartitionNonConcurrently
                        .CONCURRENT_DETACH_SINCE + "): detaching " + detach.partition() + " from " + alter.table()
                        + " fails when the migration runs"));
            }
        }
        return findings;
    }
}
