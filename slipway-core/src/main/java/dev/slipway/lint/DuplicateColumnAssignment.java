package dev.slipway.lint;

import dev.slipway.sql.SqlCommand;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code UPDATE ... SET a = 1, a = 2}, {@code INSERT INTO t (a, a)} and a column defined twice fail. */
final class DuplicateColumnAssignment implements Rule {
    static final RuleInfo INFO = RuleInfo.of("duplicate-column-assignment", Severity.ERROR,
            "UPDATE, INSERT or CREATE TABLE names the same column twice",
            "PostgreSQL rejects an UPDATE whose SET list assigns one column twice (\"multiple assignments to same"
                    + " column\"), and an INSERT or CREATE TABLE that lists a column twice (\"column specified more"
                    + " than once\"), so the migration fails; usually one of the two was meant for another column.",
            "Name each column once.",
            "UPDATE users SET email = lower(email), email = trim(email) WHERE id < 1000;\n",
            "UPDATE users SET email = lower(trim(email)) WHERE id < 1000;\n")
            .squawk("ban-duplicate-column-assignments");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        List<SqlCommand.Assignment> targets;
        String what;
        if (command instanceof SqlCommand.Update update) {
            targets = update.assignments();
            what = "UPDATE " + update.table() + " assigns ";
        } else if (command instanceof SqlCommand.Insert insert) {
            targets = insert.columns();
            what = "INSERT INTO " + insert.table() + " lists ";
        } else if (command instanceof SqlCommand.CreateTable create) {
            targets = create.columns().stream().map(c -> new SqlCommand.Assignment(c.at(), c.name())).toList();
            what = "CREATE TABLE " + create.table() + " defines ";
        } else {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<Finding> findings = new ArrayList<>();
        for (SqlCommand.Assignment target : targets) {
            if (!seen.add(target.target())) {
                findings.add(context.finding(INFO, target.at(), what + target.target()
                        + " more than once; PostgreSQL rejects the statement"));
            }
        }
        return findings;
    }
}
