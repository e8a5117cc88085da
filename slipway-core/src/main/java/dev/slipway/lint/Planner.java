package dev.slipway.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.db.ServerVersion;
import dev.slipway.migration.Directive;
import dev.slipway.migration.ScriptDirectives;
import dev.slipway.sql.AlterTableAction;
import dev.slipway.sql.LockMode;
import dev.slipway.sql.QualifiedName;
import dev.slipway.sql.SqlCommand;
import dev.slipway.sql.SqlScript;
import dev.slipway.sql.SqlStatement;
import dev.slipway.sql.SqlSyntaxException;
import dev.slipway.sql.TransactionControl;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Builds a {@link PlanReport}: lints the pending migrations in the order they would run, with the connected server's
 * version and live table sizes, annotates each statement with its locks and an estimate of how long it blocks others,
 * and checks today's rows for the statements that would fail on them. Only reads: the session is made read-only
 * and each query has a time limit.
 * <p>The estimates assume a server that scans about 200 MB/s, builds indexes at about 50 MB/s, rewrites at about
 * 40 MB/s and changes about 20,000 rows/s; they rank statements and flag the slow ones, they do not promise times.
 * Stateless.
 */
public final class Planner {
    private static final double SCAN_BYTES_PER_SECOND = 200e6;
    private static final double INDEX_BYTES_PER_SECOND = 50e6;
    private static final double REWRITE_BYTES_PER_SECOND = 40e6;
    private static final double ROWS_PER_SECOND = 20_000;
    private static final long COUNT_LIMIT = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The rules whose whole point is that a statement rewrites a table: a trace that saw no rewrite settles them. */
    private static final List<String> REWRITE_RULES = List.of(TableRewrite.INFO.id(), AddingColumnRewrite.INFO.id());
    /** What a failure the trace saw on the schema checked: the words of its prediction. */
    private static final String SCHEMA_FAILURE = "it failed on a scratch database with the schema of the migrations"
            + " the target has applied (if the target differs, `slipway drift` shows how)";

    private Planner() {
    }

    /**
     * A pending migration to plan.
     *
     * @param script  the file or class, as shown to the user
     * @param version its version, or null for a repeatable
     * @param sql     its SQL, or null for a Java migration, whose statements are known only when it runs
     */
    public record Input(String script, String version, String sql) {
        /** Checks the script is named. */
        public Input {
            Objects.requireNonNull(script, "script");
        }
    }

    /**
     * Plans the migrations on the database behind {@code session}, which is left read-only.
     *
     * @param session a session on the target database; the caller closes it
     * @param inputs  the pending migrations in the order they would run
     * @param options limits
     * @return the annotated plan
     * @throws SQLException if the catalog cannot be read
     */
    public static PlanReport plan(Connection session, List<Input> inputs, PlanOptions options) throws SQLException {
        ServerVersion server = ServerVersion.of(session);
        boolean autoCommit = session.getAutoCommit();
        session.setAutoCommit(true);
        try (Statement setup = session.createStatement()) {
            setup.execute("set default_transaction_read_only = on");
            setup.execute("set statement_timeout = " + Math.max(1, options.checkTimeout().toMillis()));
        }
        try {
            return plan(session, server, inputs, options);
        } finally {
            // a pooled session goes back as it came
            try (Statement reset = session.createStatement()) {
                reset.execute("reset default_transaction_read_only");
                reset.execute("reset statement_timeout");
            }
            session.setAutoCommit(autoCommit);
        }
    }

    private static PlanReport plan(Connection session, ServerVersion server, List<Input> inputs, PlanOptions options) {
        LiveCatalog catalog = new LiveCatalog(session);
        Linter linter = Linter.of(new LintOptions(server.major(), catalog, options.largeTableRows()));
        List<Linter.Source> sources = new ArrayList<>();
        for (Input input : inputs) {
            if (input.sql() != null) sources.add(new Linter.Source(input.script(), input.sql()));
        }
        List<FileReport> reports = linter.lintInOrder(sources);
        DataChecks checks = new DataChecks(session, catalog, server.major(), options.sampleAboveRows(), COUNT_LIMIT);
        OwnerCheck owners = new OwnerCheck(catalog);
        List<QualifiedName> created = new ArrayList<>();
        List<PlanReport.Migration> migrations = new ArrayList<>();
        int next = 0;
        for (Input input : inputs) {
            if (input.sql() == null) {
                migrations.add(new PlanReport.Migration(input.script(), input.version(),
                        "Java migration: its statements are known only when it runs", List.of(), List.of()));
            } else {
                migrations.add(migration(session, input, reports.get(next++), server.major(), catalog,
                        new Checks(checks, owners), created));
            }
        }
        return verdict(server.toString(), server.major(), migrations, options);
    }

    /** What predicts a statement's failure before it runs: today's rows, and who owns what it changes. */
    private record Checks(DataChecks rows, OwnerCheck owners) {
        List<PlanReport.Prediction> predict(SqlCommand command, Predicate<QualifiedName> isNew) {
            List<PlanReport.Prediction> predictions = new ArrayList<>(owners.predict(command, isNew));
            predictions.addAll(rows.predict(command, isNew));
            return predictions;
        }
    }

    private static PlanReport.Migration migration(Connection session, Input input, FileReport report, int pgMajor,
            LiveCatalog catalog, Checks checks, List<QualifiedName> created) {
        SqlScript script;
        try {
            script = SqlScript.parse(input.sql());
        } catch (SqlSyntaxException e) {
            return new PlanReport.Migration(input.script(), input.version(), "cannot be read", List.of(),
                    report.findings());
        }
        ScriptDirectives directives = ScriptDirectives.read(input.script(), script, problem -> { });
        List<Finding> fileFindings = new ArrayList<>();
        for (Finding finding : report.findings()) {
            if (finding.rule().equals(FileRules.INVALID_DIRECTIVE.id())) fileFindings.add(finding);
        }
        List<PlanReport.Step> steps = new ArrayList<>();
        List<SqlStatement> statements = script.statements();
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement statement = statements.get(i);
            SqlCommand command = SqlCommand.of(statement);
            Impact impact = Impact.of(command, pgMajor);
            List<PlanReport.RelationLock> locks = new ArrayList<>();
            for (Impact.Lock lock : impact.locks()) {
                TableSize size = isNew(created, lock.relation()) ? null : catalog.of(lock.relation()).orElse(null);
                locks.add(new PlanReport.RelationLock(lock.relation(), lock.mode(), size));
            }
            for (QualifiedName referenced : droppedForeignKeyTargets(command, catalog)) {
                if (locks.stream().noneMatch(lock -> lock.relation().sameObject(referenced))) {
                    locks.add(new PlanReport.RelationLock(referenced, LockMode.ACCESS_EXCLUSIVE,
                            catalog.of(referenced).orElse(null)));
                }
            }
            Optional<Directive.Batch> batch = directives.ownOf(i, Directive.Batch.class);
            Duration blocking = blocking(session, command, impact, locks, batch);
            List<Finding> findings = new ArrayList<>();
            for (Finding finding : report.findings()) {
                boolean here = finding.line() >= statement.line() && finding.line() <= statement.endLine();
                if (here && !fileFindings.contains(finding)) findings.add(finding);
            }
            List<PlanReport.Prediction> predictions = checks.predict(command, table -> isNew(created, table));
            if (command instanceof SqlCommand.CreateTable create) created.add(create.table());
            steps.add(new PlanReport.Step(input.script(), statement.line(), statement.text(), locks, impact.work(),
                    impact.work() == Impact.Work.REWRITE, impact.destructive(), impact.modelled(), blocking, findings,
                    predictions, null));
        }
        return new PlanReport.Migration(input.script(), input.version(), how(statements, directives, pgMajor), steps,
                fileFindings);
    }

    /** {@return the live sizes of relations on the target behind {@code session}, read when first asked for} */
    public static TableSizes sizesOf(Connection session) {
        return new LiveCatalog(session);
    }

    /**
     * {@return the plan with what a trace observed on a scratch database; where the model and the observation
     * differ, the observation wins}
     * For each traced statement: the locks are the observed ones (when they could be seen), with the target's sizes;
     * a rewrite seen makes the work a rewrite, and a rewrite the model expected but the trace did not see makes it
     * catalog-only, and settles the findings of {@code table-rewrite} and {@code adding-column-rewrite} as allowed;
     * the estimate of how long it blocks others follows, and so does the verdict.
     *
     * @param plan     the plan as {@link #plan} made it
     * @param observed per migration, per statement, what the trace saw (null where it traced nothing)
     * @param sizes    the target's live sizes, for relations the model did not name
     * @param options  the limits the plan was made with
     */
    public static PlanReport withTrace(PlanReport plan, List<List<PlanReport.Observation>> observed,
            TableSizes sizes, PlanOptions options) {
        List<PlanReport.Migration> migrations = new ArrayList<>();
        for (int m = 0; m < plan.migrations().size(); m++) {
            PlanReport.Migration migration = plan.migrations().get(m);
            List<PlanReport.Observation> seen = m < observed.size() ? observed.get(m) : List.of();
            List<PlanReport.Step> steps = new ArrayList<>();
            for (int i = 0; i < migration.statements().size(); i++) {
                PlanReport.Step step = migration.statements().get(i);
                PlanReport.Observation observation = i < seen.size() ? seen.get(i) : null;
                steps.add(observation == null ? step : traced(step, observation, sizes));
            }
            migrations.add(new PlanReport.Migration(migration.script(), migration.version(), migration.how(), steps,
                    migration.findings()));
        }
        return verdict(plan.server(), plan.pgMajor(), migrations, options);
    }

    private static PlanReport.Step traced(PlanReport.Step step, PlanReport.Observation observation,
            TableSizes sizes) {
        boolean ran = observation.outcome() == PlanReport.Traced.RAN
                || observation.outcome() == PlanReport.Traced.RAN_WITHOUT_TRANSACTION;
        if (!ran) {
            return new PlanReport.Step(step.script(), step.line(), step.sql(), step.locks(), step.work(),
                    step.rewrite(), step.destructive(), step.modelled(), step.blocking(), step.findings(),
                    withSchemaFailure(step.predictions(), observation), observation);
        }
        boolean locksSeen = observation.outcome() == PlanReport.Traced.RAN;
        List<PlanReport.RelationLock> locks = locksSeen ? observedLocks(step, observation, sizes) : step.locks();
        boolean rewrite = !observation.rewritten().isEmpty();
        Impact.Work work = rewrite ? Impact.Work.REWRITE
                : step.work() == Impact.Work.REWRITE ? Impact.Work.CATALOG : step.work();
        Duration blocking = work == Impact.Work.ROWS ? step.blocking() : blocking(work, locks);
        List<Finding> findings = new ArrayList<>();
        for (Finding finding : step.findings()) {
            boolean settled = !rewrite && !finding.allowed() && REWRITE_RULES.contains(finding.rule());
            findings.add(settled ? finding.allow("plan --trace ran it on a scratch database and saw no rewrite")
                    : finding);
        }
        return new PlanReport.Step(step.script(), step.line(), step.sql(), locks, work, rewrite, step.destructive(),
                step.modelled() || locksSeen, blocking, findings, step.predictions(), observation);
    }

    /**
     * {@return the predictions, and a failure when the statement failed on the scratch database for a reason of
     * schema (SQLSTATE class 42: a missing or duplicate table, column, function, a syntax error): the target has the
     * schema of the same migrations, so it fails there too; a failure that depends on rows (a foreign key finding no
     * row in an empty table) is not one}
     */
    private static List<PlanReport.Prediction> withSchemaFailure(List<PlanReport.Prediction> predictions,
            PlanReport.Observation observation) {
        if (observation.outcome() != PlanReport.Traced.FAILED || observation.sqlState() == null
                || !observation.sqlState().startsWith("42")) {
            return predictions;
        }
        List<PlanReport.Prediction> with = new ArrayList<>(predictions);
        with.add(new PlanReport.Prediction(PlanReport.Outcome.WILL_FAIL, SCHEMA_FAILURE, 0, List.of(), false,
                observation.detail() + " (SQLSTATE " + observation.sqlState() + ")"));
        return with;
    }

    /** {@return the observed locks, each named and sized as the model named it where the model knew it} */
    private static List<PlanReport.RelationLock> observedLocks(PlanReport.Step step,
            PlanReport.Observation observation, TableSizes sizes) {
        // the relations the model named first, in its order, then the ones only the server showed
        List<PlanReport.RelationLock> locks = new ArrayList<>();
        List<PlanReport.RelationLock> unnamed = new ArrayList<>(observation.locks());
        for (PlanReport.RelationLock modelled : step.locks()) {
            unnamed.stream().filter(seen -> modelled.relation().sameObject(seen.relation())).findFirst()
                    .ifPresent(seen -> {
                        locks.add(new PlanReport.RelationLock(modelled.relation(), seen.mode(), modelled.size()));
                        unnamed.remove(seen);
                    });
        }
        unnamed.forEach(seen -> locks.add(new PlanReport.RelationLock(seen.relation(), seen.mode(),
                sizes.of(seen.relation()).orElse(null))));
        // the strongest first (a stable sort: ties keep that order): the estimate of blocking is made for it
        locks.sort(Comparator.comparing(PlanReport.RelationLock::mode).reversed());
        return locks;
    }

    /** {@return how long a statement doing {@code work} under the first of {@code locks} keeps others waiting} */
    private static Duration blocking(Impact.Work work, List<PlanReport.RelationLock> locks) {
        if (locks.isEmpty() || !locks.get(0).mode().blocksWrites() || locks.get(0).size() == null) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.round(seconds(work, locks.get(0).size()) * 1000));
    }

    private static double seconds(Impact.Work work, TableSize size) {
        return switch (work) {
            case CATALOG, ROWS -> 0;
            case SCAN -> size.bytes() / SCAN_BYTES_PER_SECOND;
            case INDEX_BUILD -> size.bytes() / INDEX_BYTES_PER_SECOND;
            case REWRITE -> size.bytes() / REWRITE_BYTES_PER_SECOND;
        };
    }

    /**
     * {@return the tables referenced by the foreign keys an {@code ALTER TABLE ... DROP CONSTRAINT} drops, read from
     * the live catalog: dropping a foreign key also removes its triggers on the referenced table, under an ACCESS
     * EXCLUSIVE lock there, which the statement alone does not show}
     */
    private static List<QualifiedName> droppedForeignKeyTargets(SqlCommand command, LiveCatalog catalog) {
        if (!(command instanceof SqlCommand.AlterTable alter)) return List.of();
        List<QualifiedName> referenced = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.DropConstraint drop) {
                catalog.foreignKeyTarget(alter.table(), drop.constraint()).ifPresent(referenced::add);
            }
        }
        return referenced;
    }

    private static boolean isNew(List<QualifiedName> created, QualifiedName relation) {
        return created.stream().anyMatch(c -> c.sameObject(relation));
    }

    private static String how(List<SqlStatement> statements, ScriptDirectives directives, int pgMajor) {
        if (directives.fileWide(Directive.NoTransaction.class).isPresent()) {
            return "statement by statement (-- slipway:no-transaction)";
        }
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement statement = statements.get(i);
            if (statement.transactionControl() != TransactionControl.NONE) {
                return "block by block (it has its own BEGIN ... COMMIT)";
            }
            if (statement.cannotRunInTransaction(pgMajor)) {
                return "statement by statement (line " + statement.line() + " cannot run in a transaction)";
            }
            Optional<Directive.Batch> batch = directives.ownOf(i, Directive.Batch.class);
            if (batch.isPresent()) {
                return "statement by statement (line " + statement.line() + " runs in batches of "
                        + batch.get().size() + " " + batch.get().key() + " values, each committed)";
            }
        }
        return "one transaction";
    }

    /** {@return how long the statement keeps others from reading or writing, estimated from the live size} */
    private static Duration blocking(Connection session, SqlCommand command, Impact impact,
            List<PlanReport.RelationLock> locks, Optional<Directive.Batch> batch) {
        if (!impact.blocksOthers() || locks.isEmpty() || locks.get(0).size() == null) return Duration.ZERO;
        TableSize size = locks.get(0).size();
        double seconds = impact.work() != Impact.Work.ROWS ? seconds(impact.work(), size)
                : (batch.isPresent() ? Math.min(batch.get().size(), size.rows())
                : estimatedRows(session, command.statement(), size.rows())) / ROWS_PER_SECOND;
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** {@return the planner's estimate of the rows an UPDATE or DELETE touches (EXPLAIN, which runs nothing)} */
    private static long estimatedRows(Connection session, SqlStatement statement, long tableRows) {
        try (Statement explain = session.createStatement();
             ResultSet rows = explain.executeQuery("explain (format json) " + statement.text())) {
            if (!rows.next()) return tableRows;
            return Math.min(tableRows, maxPlanRows(JSON.readTree(rows.getString(1))));
        } catch (SQLException | IOException e) {
            return tableRows;
        }
    }

    private static long maxPlanRows(JsonNode node) {
        long max = node.has("Plan Rows") ? node.get("Plan Rows").asLong() : 0;
        for (JsonNode child : node) {
            max = Math.max(max, maxPlanRows(child));
        }
        return max;
    }

    private static PlanReport verdict(String server, int pgMajor, List<PlanReport.Migration> migrations,
            PlanOptions options) {
        List<Finding> findings = new ArrayList<>();
        long failures = 0;
        long schemaFailures = 0;
        long ownerFailures = 0;
        long slow = 0;
        for (PlanReport.Migration migration : migrations) {
            findings.addAll(migration.findings());
            for (PlanReport.Step step : migration.statements()) {
                findings.addAll(step.findings());
                for (PlanReport.Prediction prediction : step.predictions()) {
                    if (prediction.outcome() != PlanReport.Outcome.WILL_FAIL) continue;
                    if (prediction.check().equals(SCHEMA_FAILURE)) schemaFailures++;
                    else if (OwnerCheck.isOwnerFailure(prediction)) ownerFailures++;
                    else failures++;
                }
                if (step.blocking().compareTo(options.maxBlocking()) > 0) slow++;
            }
        }
        long errors = findings.stream().filter(f -> !f.allowed() && f.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> !f.allowed() && f.severity() == Severity.WARNING).count();
        List<String> reasons = new ArrayList<>();
        if (errors > 0) reasons.add(errors + " error(s): statements that fail or lose data");
        if (ownerFailures > 0) {
            reasons.add(ownerFailures + " statement(s) will fail: the role that runs them does not own what they"
                    + " change");
        }
        if (failures > 0) reasons.add(failures + " statement(s) will fail on today's rows");
        if (schemaFailures > 0) {
            reasons.add(schemaFailures + " statement(s) failed on a scratch database with the target's schema");
        }
        if (warnings > 0) reasons.add(warnings + " warning(s): statements that block others or break running code");
        if (slow > 0) {
            reasons.add(slow + " statement(s) estimated to block others longer than "
                    + options.maxBlocking().toMillis() + " ms");
        }
        PlanReport.Verdict verdict = errors > 0 || failures + schemaFailures + ownerFailures > 0
                ? PlanReport.Verdict.UNSAFE
                : warnings > 0 || slow > 0 ? PlanReport.Verdict.REVIEW : PlanReport.Verdict.SAFE;
        return new PlanReport(server, pgMajor, migrations, options.maxBlocking(), verdict, reasons);
    }
}
