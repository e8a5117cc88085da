package dev.slipway.apply;

import dev.slipway.migration.Directive;
import dev.slipway.migration.MigrationFormatException;
import dev.slipway.migration.ScriptDirectives;
import dev.slipway.migration.SourcePosition;
import dev.slipway.sql.KeysetBatch;
import dev.slipway.sql.SqlScript;
import dev.slipway.sql.SqlStatement;
import dev.slipway.sql.TransactionControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a migration script into {@link Step}s: one transaction when PostgreSQL allows it, otherwise statement by
 * statement and block by block, with each statement's directives applied.
 * <p>Directives in the comments above the first statement apply to the whole file ({@code no-transaction},
 * {@code lock-timeout}, {@code statement-timeout}, {@code allow}); above any other statement they apply to that
 * statement only; {@code batch} always applies to the statement below it.
 */
final class StepPlanner {
    private StepPlanner() {
    }

    /**
     * The steps of one script.
     *
     * @param file        the file name, for positions
     * @param script      the parsed script
     * @param serverMajor the server's major version (some statements became transactional over time)
     */
    static Planned plan(String file, SqlScript script, int serverMajor) {
        List<SqlStatement> statements = script.statements();
        ScriptDirectives directives = ScriptDirectives.of(file, script);
        Duration fileLockTimeout = directives.fileWide(Directive.LockTimeout.class)
                .map(Directive.LockTimeout::timeout).orElse(null);
        Duration fileStatementTimeout = directives.fileWide(Directive.StatementTimeout.class)
                .map(Directive.StatementTimeout::timeout).orElse(null);
        boolean noTransaction = directives.fileWide(Directive.NoTransaction.class).isPresent();
        List<PlannedStatement> planned = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement statement = statements.get(i);
            Duration lockTimeout = directives.ownOf(i, Directive.LockTimeout.class)
                    .map(Directive.LockTimeout::timeout).orElse(fileLockTimeout);
            Duration statementTimeout = directives.ownOf(i, Directive.StatementTimeout.class)
                    .map(Directive.StatementTimeout::timeout).orElse(fileStatementTimeout);
            Directive.Batch batch = directives.ownOf(i, Directive.Batch.class).orElse(null);
            planned.add(new PlannedStatement(statement, new SourcePosition(file, statement.line()), lockTimeout,
                    statementTimeout, batch));
        }
        return steps(file, planned, noTransaction, serverMajor);
    }

    private static Planned steps(String file, List<PlannedStatement> planned, boolean noTransaction, int serverMajor) {
        String reason = noTransaction ? "it says '-- slipway:no-transaction'" : null;
        for (PlannedStatement p : planned) {
            if (reason != null) break;
            if (p.statement().transactionControl() != TransactionControl.NONE) {
                reason = "it manages its own transactions (" + p.statement().keywords(1).get(0) + " at line "
                        + p.where().line() + ")";
            } else if (p.statement().cannotRunInTransaction(serverMajor)) {
                reason = verb(p) + " at line " + p.where().line() + " cannot run inside a transaction";
            } else if (p.batch() != null) {
                reason = "the " + p.statement().keywords(1).get(0) + " at line " + p.where().line()
                        + " runs in batches, each committed";
            }
        }
        if (reason == null) {
            return new Planned(planned.isEmpty() ? List.of() : List.of(new Step.InTransaction(planned)), null);
        }
        List<Step> steps = new ArrayList<>();
        List<PlannedStatement> block = null;
        SourcePosition blockStart = null;
        for (PlannedStatement p : planned) {
            TransactionControl control = p.statement().transactionControl();
            if (control == TransactionControl.BEGIN) {
                if (block != null) {
                    throw new MigrationFormatException("BEGIN inside a transaction block that started at line "
                            + blockStart.line() + "; add the missing COMMIT", p.where());
                }
                block = new ArrayList<>();
                blockStart = p.where();
            } else if (control == TransactionControl.COMMIT) {
                if (block == null) {
                    throw new MigrationFormatException("COMMIT without a BEGIN", p.where());
                }
                if (!block.isEmpty()) steps.add(new Step.InTransaction(block));
                block = null;
            } else if (control == TransactionControl.ROLLBACK) {
                throw new MigrationFormatException("ROLLBACK in a migration would silently discard its own work;"
                        + " remove the block or the ROLLBACK", p.where());
            } else if (p.batch() != null) {
                if (block != null) {
                    throw new MigrationFormatException("a batched statement commits batch by batch, so it cannot"
                            + " stand inside the transaction block that starts at line " + blockStart.line(),
                            p.where());
                }
                steps.add(new Step.Batched(p, keysetBatch(p)));
            } else if (p.statement().cannotRunInTransaction(serverMajor)) {
                if (block != null) {
                    throw new MigrationFormatException(verb(p) + " cannot run inside the transaction block that"
                            + " starts at line " + blockStart.line(), p.where());
                }
                steps.add(new Step.Alone(p));
            } else if (block != null) {
                block.add(p);
            } else {
                steps.add(new Step.InTransaction(List.of(p)));
            }
        }
        if (block != null) {
            throw new MigrationFormatException("BEGIN without a COMMIT: the block would never be committed",
                    blockStart);
        }
        return new Planned(steps, reason);
    }

    private static KeysetBatch keysetBatch(PlannedStatement p) {
        try {
            return KeysetBatch.of(p.statement(), p.batch().key());
        } catch (IllegalArgumentException e) {
            throw new MigrationFormatException("'-- slipway:batch': " + e.getMessage(), p.where());
        }
    }

    /** {@return the statement's leading keywords up to CONCURRENTLY, e.g. "CREATE UNIQUE INDEX CONCURRENTLY"} */
    private static String verb(PlannedStatement p) {
        List<String> words = p.statement().keywords(5);
        int concurrently = words.indexOf("CONCURRENTLY");
        return String.join(" ", concurrently >= 0 ? words.subList(0, concurrently + 1)
                : words.subList(0, Math.min(2, words.size())));
    }

    /**
     * The steps of a script.
     *
     * @param steps               the steps in order
     * @param whyNotOneTransaction why the script runs step by step, or null when it runs as one transaction
     */
    record Planned(List<Step> steps, String whyNotOneTransaction) {
        Planned {
            steps = List.copyOf(steps);
        }
    }
}
