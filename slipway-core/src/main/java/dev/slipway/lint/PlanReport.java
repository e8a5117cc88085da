package dev.slipway.lint;

import dev.slipway.sql.LockMode;
import dev.slipway.sql.QualifiedName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What {@code migrate} would run, statement by statement, judged against the live database: the locks each statement
 * takes and on how big a table, whether it rewrites or destroys, how long it would block others, the lint findings,
 * and where today's rows would make it fail. Immutable.
 *
 * @param server      the server version, e.g. {@code 16.4}
 * @param pgMajor     its major version, which the rules judged with
 * @param migrations  the pending migrations in the order they would run
 * @param maxBlocking how long a statement may block others before the plan asks for review
 * @param verdict     the verdict
 * @param reasons     why the verdict is what it is; empty when it is {@link Verdict#SAFE}
 */
public record PlanReport(String server, int pgMajor, List<Migration> migrations, Duration maxBlocking,
                         Verdict verdict, List<String> reasons) {

    /** Copies the lists. */
    public PlanReport {
        migrations = List.copyOf(migrations);
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(verdict, "verdict");
    }

    /** The plan's overall judgement. */
    public enum Verdict {
        /** Nothing found that fails, destroys or blocks others longer than allowed. */
        SAFE,
        /** Warnings, or statements that block others longer than allowed: read the plan before running it. */
        REVIEW,
        /** Errors, or statements that will fail on today's rows. */
        UNSAFE
    }

    /**
     * One pending migration.
     *
     * @param script     the file or class
     * @param version    its version, or null for a repeatable
     * @param how        how the runner will run it, e.g. "one transaction" or "statement by statement: ..."
     * @param statements its statements in order; empty for a Java migration or a file that cannot be read
     * @param findings   findings about the file as a whole (SQL that cannot be split, directives)
     */
    public record Migration(String script, String version, String how, List<Step> statements,
                            List<Finding> findings) {
        /** Copies the lists. */
        public Migration {
            statements = List.copyOf(statements);
            findings = List.copyOf(findings);
        }
    }

    /**
     * One statement, annotated.
     *
     * @param script      the file it is in
     * @param line        its first line
     * @param sql         its text
     * @param locks       each relation it locks, with the mode and the relation's live size
     * @param work        the heaviest work it does while holding its lock
     * @param rewrite     whether it rewrites a table
     * @param destructive whether it deletes data
     * @param modelled    whether Slipway knows what the statement locks; when not, {@code locks} is empty
     * @param blocking    the estimated time it blocks others' reads or writes (zero when it blocks no one)
     * @param findings    the lint findings on it, including those an allow directive accepted
     * @param predictions what today's rows say about whether it will succeed
     * @param observed    what it did when it ran on a scratch database ({@code plan --trace}), or null when it was
     *                    not traced; where it differs from the model, the locks, rewrite, work and blocking above are
     *                    the observed ones
     */
    public record Step(String script, int line, String sql, List<RelationLock> locks, Impact.Work work,
                       boolean rewrite, boolean destructive, boolean modelled, Duration blocking,
                       List<Finding> findings, List<Prediction> predictions, Observation observed) {
        /** Copies the lists. */
        public Step {
            locks = List.copyOf(locks);
            findings = List.copyOf(findings);
            predictions = List.copyOf(predictions);
        }
    }

    /**
     * What one statement did when it ran on a scratch database with the target's schema.
     *
     * @param outcome    whether it ran, and whether its locks could be seen
     * @param locks      the locks it held on relations that existed before it, the strongest per relation, as
     *                   {@code pg_locks} showed them right after it (in a transaction: those it added, and those
     *                   already held on the relations it names); no sizes (the plan adds the target's)
     * @param rewritten  the tables it gave new storage (a rewrite: their {@code relfilenode} changed)
     * @param detail     the error when it failed, or why it was not traced; empty otherwise
     * @param sqlState   the SQLSTATE of the error when it failed, else null
     */
    public record Observation(Traced outcome, List<RelationLock> locks, List<QualifiedName> rewritten,
                              String detail, String sqlState) {
        /** Copies the lists. */
        public Observation {
            Objects.requireNonNull(outcome, "outcome");
            locks = List.copyOf(locks);
            rewritten = List.copyOf(rewritten);
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** How a statement fared on the scratch database. */
    public enum Traced {
        /** It ran in a transaction, and its locks were read before that transaction ended. */
        RAN,
        /** It ran outside a transaction (e.g. {@code CREATE INDEX CONCURRENTLY}): rewrites seen, locks not. */
        RAN_WITHOUT_TRANSACTION,
        /** It failed there; the statements after it were not traced. */
        FAILED,
        /** It was not run: an earlier statement failed, or it is transaction control. */
        SKIPPED
    }

    /**
     * A lock on a relation, with the relation's live size.
     *
     * @param relation the relation
     * @param mode     the lock mode
     * @param size     its live size, or null when it does not exist yet or is unknown
     */
    public record RelationLock(QualifiedName relation, LockMode mode, TableSize size) {
    }

    /**
     * What a bounded read-only query of today's rows says about a statement.
     *
     * @param outcome  whether it will fail, passes, or could not be checked
     * @param check    what was checked, e.g. "NULLs in users.tier"
     * @param count    how many offending rows were found (0 when it passes; counting stops at a limit)
     * @param examples a few keys of offending rows
     * @param sampled  whether only a sample of a very large table was read (then a pass is not a proof)
     * @param detail   more, e.g. why it could not be checked; empty when there is nothing to add
     */
    public record Prediction(Outcome outcome, String check, long count, List<String> examples, boolean sampled,
                             String detail) {
        /** Copies the examples. */
        public Prediction {
            Objects.requireNonNull(outcome, "outcome");
            examples = List.copyOf(examples);
        }
    }

    /** What a check of today's rows concluded. */
    public enum Outcome {
        /** Offending rows exist: the statement would fail. */
        WILL_FAIL,
        /** No offending row was found. */
        PASSES,
        /** The check could not run (time limit, a table or column an earlier pending migration creates, ...). */
        NOT_CHECKED
    }

    /** {@return every statement of the plan, the one blocking others longest first} */
    public List<Step> rankedByBlocking() {
        List<Step> steps = new ArrayList<>();
        migrations.forEach(m -> steps.addAll(m.statements()));
        steps.sort(Comparator.comparing(Step::blocking).reversed());
        return steps;
    }

    /** {@return every finding of the plan, in order} */
    public List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        for (Migration migration : migrations) {
            findings.addAll(migration.findings());
            migration.statements().forEach(s -> findings.addAll(s.findings()));
        }
        return findings;
    }

    /** {@return whether an active finding is at or above the threshold, or a statement will fail on today's rows} */
    public boolean failsAt(Severity threshold) {
        boolean willFail = migrations.stream().flatMap(m -> m.statements().stream())
                .flatMap(s -> s.predictions().stream()).anyMatch(p -> p.outcome() == Outcome.WILL_FAIL);
        return willFail || findings().stream().anyMatch(f -> !f.allowed() && f.severity().atLeast(threshold));
    }
}
