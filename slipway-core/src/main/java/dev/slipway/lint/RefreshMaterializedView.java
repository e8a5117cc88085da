package dev.slipway.lint;

import dev.slipway.sql.SqlCommand;
import java.util.List;

/** {@code REFRESH MATERIALIZED VIEW} without {@code CONCURRENTLY} blocks reads of the view. */
final class RefreshMaterializedView implements Rule {
    static final RuleInfo INFO = RuleInfo.of("refresh-materialized-view", Severity.WARNING,
            "REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks reads of the view",
            "REFRESH MATERIALIZED VIEW takes an ACCESS EXCLUSIVE lock on the view and runs its whole query: every"
                    + " read of the view waits until the refresh is done.",
            "Use REFRESH MATERIALIZED VIEW CONCURRENTLY (it needs a unique index on the view and takes an EXCLUSIVE"
                    + " lock, which lets reads go on).",
            "REFRESH MATERIALIZED VIEW monthly_revenue;\n",
            "REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_revenue;\n");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.RefreshMaterializedView refresh) || refresh.concurrently()) {
            return List.of();
        }
        return List.of(context.finding(INFO, refresh.statement().tokens().get(0), "refreshing " + refresh.view()
                + " takes an ACCESS EXCLUSIVE lock: reads of the view wait for the whole refresh",
                "REFRESH MATERIALIZED VIEW CONCURRENTLY " + refresh.view() + "; (needs a unique index on the view)"));
    }
}
