package dev.slipway.lint;

import dev.slipway.sql.SqlCommand;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code UPDATE ... SET a = 1, a = 2} fails. */
final class DuplicateColumnAssignment implements Rule {
    static final RuleInfo INFO = RuleInfo.of("duplicate-column-assignment", Severity.ERROR,
            "UPDATE assigns the same column twice",
            "PostgreSQL rejects an UPDATE whose SET list assigns one column twice with \"multiple assignments to"
                    + " same column\", so the migration fails; usually one of the two was meant for another column.",
            "Assign each column once.",
            "UPDATE users SET email = lower(email), email = trim(email) WHERE id < 1000;\n",
            "UPDATE users SET email = lower(trim(email)) WHERE id < 1000;\n")
            .squawk("ban-duplicate-column-assignments");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.Update update)) return List.of();
        Set<String> seen = new HashSet<>();
        List<Finding> findings = new ArrayList<>();
        for (SqlCommand.Assignment assignment : update.assignments()) {
            if (!seen.add(assignment.target())) {
                findings.add(context.finding(INFO, assignment.at(), "UPDATE " + update.table() + " assigns "
                        + assignment.target() + " more than once; PostgreSQL rejects the statement"));
            }
        }
        return findings;
    }
}
