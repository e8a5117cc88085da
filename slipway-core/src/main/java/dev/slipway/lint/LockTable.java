package dev.slipway.lint;

import dev.slipway.sql.QualifiedName;
import dev.slipway.sql.SqlCommand;
import java.util.List;
import java.util.stream.Collectors;

/** An explicit {@code LOCK TABLE} in a mode that blocks writes holds until the migration commits. */
final class LockTable implements Rule {
    static final RuleInfo INFO = RuleInfo.of("lock-table", Severity.WARNING,
            "LOCK TABLE blocks others until the migration commits",
            "LOCK TABLE takes the lock (ACCESS EXCLUSIVE when no mode is given) and holds it until the transaction"
                    + " ends; since Slipway runs a file as one transaction, everything after the LOCK runs while"
                    + " the table is blocked.",
            "Leave locking to the statements that need it, or use the weakest mode that gives the guarantee you"
                    + " need (SHARE ROW EXCLUSIVE keeps out writers but not readers) and keep the file short.",
            "LOCK TABLE accounts;\nUPDATE accounts SET plan = 'free' WHERE plan IS NULL;\n",
            "UPDATE accounts SET plan = 'free' WHERE plan IS NULL;\n");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.LockTable lock) || !lock.mode().blocksWrites()) return List.of();
        List<QualifiedName> existing = lock.tables().stream().filter(t -> !context.isNew(t)).toList();
        if (existing.isEmpty()) return List.of();
        return List.of(context.finding(INFO, lock.statement().tokens().get(0), "LOCK "
                + existing.stream().map(QualifiedName::toString).collect(Collectors.joining(", ")) + " IN "
                + lock.mode().sql() + " MODE " + lock.mode().blocks() + " until the migration commits"));
    }
}
