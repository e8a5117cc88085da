package dev.slipway.lint;

import dev.slipway.sql.QualifiedName;
import dev.slipway.sql.SqlCommand;
import java.util.List;
import java.util.Optional;

/** An {@code UPDATE} or {@code DELETE} on a large table, not batched, holds its row locks until the end. */
final class LargeUpdateWithoutBatch implements Rule {
    static final RuleInfo INFO = RuleInfo.of("large-update-without-batch", Severity.WARNING,
            "UPDATE or DELETE on a large table in one transaction",
            "An UPDATE or DELETE on a large table runs as one transaction: each row it touches stays locked against"
                    + " other writers until the end, the replicas fall behind, and the dead row versions bloat the"
                    + " table until VACUUM. This rule needs live table sizes, so only `slipway plan` (connected to"
                    + " a database) applies it.",
            "Put -- slipway:batch key=<unique column> size=<rows> above the statement: Slipway runs it in keyset"
                    + " batches, commits each, and resumes where it stopped after a crash.",
            "UPDATE outreach SET body = replace(body, 'http://', 'https://') WHERE body LIKE '%http://%';\n",
            "-- slipway:batch key=id size=1000 pause=50ms\n"
                    + "UPDATE outreach SET body = replace(body, 'http://', 'https://') WHERE body LIKE '%http://%';\n");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        QualifiedName table;
        String verb;
        if (command instanceof SqlCommand.Update update) {
            table = update.table();
            verb = "UPDATE";
        } else if (command instanceof SqlCommand.Delete delete) {
            table = delete.table();
            verb = "DELETE";
        } else {
            return List.of();
        }
        if (context.batch().isPresent() || context.isNew(table)) return List.of();
        Optional<TableSize> size = context.size(table);
        if (size.isEmpty() || size.get().rows() < context.largeTableRows()) return List.of();
        return List.of(context.finding(INFO, command.statement().tokens().get(0), verb + " on " + table + " ("
                + size.get().rows() + " rows) runs as one transaction, locking every row it touches until the"
                + " migration commits"));
    }
}
