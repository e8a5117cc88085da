package dev.slipway.lint;

import dev.slipway.sql.SqlCommand;
import java.util.List;

/** {@code DELETE} without {@code WHERE} removes every row. */
final class DeleteWithoutWhere implements Rule {
    static final RuleInfo INFO = RuleInfo.of("delete-without-where", Severity.ERROR,
            "DELETE without WHERE removes every row of the table",
            "A DELETE without WHERE removes every row, holding a row lock on each until the migration commits, and"
                    + " leaves the table bloated until VACUUM runs.",
            "Add the WHERE clause that names the rows to delete. If every row must go, say so with"
                    + " -- slipway:batch key=<column> above it (deleted in batches, each committed) or"
                    + " -- slipway:allow delete-without-where because <reason>.",
            "DELETE FROM sessions;\n",
            "DELETE FROM sessions WHERE expires_at < now() - interval '30 days';\n");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.Delete delete) || delete.hasWhere() || context.isNew(delete.table())
                || context.batch().isPresent()) {
            return List.of();
        }
        return List.of(context.finding(INFO, delete.statement().tokens().get(0), "DELETE FROM " + delete.table()
                + " has no WHERE clause: it removes every row"));
    }
}
