package dev.slipway.apply;

import dev.slipway.db.PgIdentifiers;
import dev.slipway.history.Actor;
import dev.slipway.history.HistoryEntry;
import dev.slipway.history.HistoryTable;
import dev.slipway.history.HistoryTable.AuditRecord;
import dev.slipway.history.MigrationState;
import dev.slipway.migration.MigrationContext;
import dev.slipway.migration.MigrationName;
import dev.slipway.migration.SourcePosition;
import dev.slipway.sql.ConcurrentIndexBuild;
import dev.slipway.sql.KeysetBatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.postgresql.util.PSQLException;

/**
 * Runs one migration or down migration step by step on the runner's session, recording each step with its effects.
 * <p>Each transactional step sets {@code lock_timeout} and {@code statement_timeout} locally and is retried with
 * backoff and jitter when a lock wait times out (SQLSTATE 55P03). A statement that cannot run in a transaction is
 * marked in flight first, so a run cut off during it is judged by the catalog on the next run: a concurrent index
 * build that left a valid index is done; one that left an invalid index is dropped and built again.
 * <p>Not thread-safe; one per run.
 */
final class UnitRunner {
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String QUERY_CANCELED = "57014";
    private static final long FIRST_PAUSE_MS = 200;
    private static final long MAX_PAUSE_MS = 10_000;
    /** How often a long run of batches reports how far it got. */
    private static final Duration BATCH_NOTE_EVERY = Duration.ofSeconds(10);

    private final Connection session;
    private final int backendPid;
    private final int serverMajor;
    private final HistoryTable history;
    private final ApplyOptions options;
    private final ApplyListener listener;
    private final BlockerWatch watch;
    private final Actor actor;

    UnitRunner(Connection session, int backendPid, int serverMajor, HistoryTable history, ApplyOptions options,
            ApplyListener listener, BlockerWatch watch, Actor actor) {
        this.session = session;
        this.backendPid = backendPid;
        this.serverMajor = serverMajor;
        this.history = history;
        this.options = options;
        this.listener = listener;
        this.watch = watch;
        this.actor = actor;
    }

    /** {@return the server's major version} */
    int serverMajor() {
        return serverMajor;
    }

    /**
     * Applies {@code unit}, resuming after the steps {@code partial} records as done.
     *
     * @param planned its steps
     * @param partial the history row of an earlier, cut-off run of the same migration, or null
     * @return how long it took
     */
    Duration apply(Unit unit, StepPlanner.Planned planned, HistoryEntry partial) throws StepFailure, SQLException {
        List<Step> steps = planned.steps();
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        listener.on(new ApplyEvent.Starting(unit.script(), true, planned.whyNotOneTransaction()));
        try {
            if (planned.whyNotOneTransaction() == null && partial == null) {
                Step only = steps.isEmpty() ? new Step.InTransaction(List.of()) : steps.get(0);
                runStep(unit, only, () -> {
                    history.saveAndAudit(session, applied(unit, steps, started, t0),
                            audit("apply", unit, "success", null, started, t0));
                });
            } else {
                int done = 0;
                int inFlight = 0;
                if (partial == null) {
                    history.save(session, entry(unit, MigrationState.PARTIAL, 0, 0, started, t0));
                } else {
                    done = partial.stepsDone();
                    inFlight = partial.stepInFlight();
                    listener.on(new ApplyEvent.Note(unit.script(), "resuming after step " + done + " of "
                            + steps.size() + " (an earlier run stopped there)"));
                }
                for (int k = done + 1; k <= steps.size(); k++) {
                    int stepNumber = k;
                    Step step = steps.get(k - 1);
                    boolean last = k == steps.size();
                    Recorder record = () -> {
                        if (last) {
                            history.saveAndAudit(session,
                                    applied(unit, steps, started, t0),
                                    audit("apply", unit, "success", null, started, t0));
                        } else {
                            history.markSteps(session, unit.key(), MigrationState.PARTIAL, stepNumber, 0,
                                    Step.checksumOf(steps, stepNumber));
                        }
                    };
                    if (step instanceof Step.Alone alone) {
                        boolean wasInFlight = inFlight == stepNumber;
                        runAlone(unit, alone.statement(), wasInFlight, MigrationState.PARTIAL, stepNumber,
                                Step.checksumOf(steps, stepNumber - 1));
                        inTransaction(record);
                    } else if (step instanceof Step.Batched batched) {
                        runBatched(unit, batched, unit.key(), record);
                    } else {
                        runStep(unit, step, record);
                    }
                }
                if (steps.isEmpty()) {
                    inTransaction(() -> {
                        history.saveAndAudit(session, applied(unit, steps, started, t0),
                                audit("apply", unit, "success", null, started, t0));
                    });
                }
            }
        } catch (StepFailure failure) {
            recordFailure("apply", unit, failure, started, t0);
            throw failure;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        listener.on(new ApplyEvent.Finished(unit.script(), true, took));
        return took;
    }

    /**
     * Runs a callback script in one transaction, with the run's timeouts and retries, and appends a {@code callback}
     * row to the audit trail in it (or a failed one after it). It has no row in the history: it runs every time.
     *
     * @param callback the callback
     * @param planned  its steps: one transaction
     */
    void runCallback(Unit callback, StepPlanner.Planned planned) throws StepFailure, SQLException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        listener.on(new ApplyEvent.Starting(callback.script(), true, null));
        List<Step> steps = planned.steps();
        Step only = steps.isEmpty() ? new Step.InTransaction(List.of()) : steps.get(0);
        try {
            runStep(callback, only, () -> history.audit(session, audit("callback", callback, "success", null,
                    started, t0)));
        } catch (StepFailure failure) {
            recordFailure("callback", callback, failure, started, t0);
            throw failure;
        }
        listener.on(new ApplyEvent.Finished(callback.script(), true, Duration.ofNanos(System.nanoTime() - t0)));
    }

    /**
     * Runs the down migration {@code down} of the applied migration {@code applied} and removes its history row.
     *
     * @param down the down migration
     * @param planned its steps
     * @param applied the history row of the migration being reverted
     */
    Duration revert(Unit down, StepPlanner.Planned planned, HistoryEntry applied) throws StepFailure, SQLException {
        List<Step> steps = planned.steps();
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Recorder finish = () -> {
            history.delete(session, applied.key());
            history.audit(session, audit("revert", down, "success", null, started, t0));
        };
        listener.on(new ApplyEvent.Starting(down.script(), false, planned.whyNotOneTransaction()));
        try {
            boolean resuming = applied.state() == MigrationState.REVERTING;
            if (planned.whyNotOneTransaction() == null && !resuming) {
                runStep(down, steps.isEmpty() ? new Step.InTransaction(List.of()) : steps.get(0), finish);
            } else {
                int done = resuming ? applied.stepsDone() : 0;
                int inFlight = resuming ? applied.stepInFlight() : 0;
                if (!resuming) {
                    inTransaction(() -> history.markSteps(session, applied.key(), MigrationState.REVERTING, 0, 0,
                            Step.checksumOf(steps, 0)));
                }
                for (int k = done + 1; k <= steps.size(); k++) {
                    int stepNumber = k;
                    Step step = steps.get(k - 1);
                    Recorder record = k == steps.size() ? finish
                            : () -> history.markSteps(session, applied.key(), MigrationState.REVERTING, stepNumber, 0,
                                    Step.checksumOf(steps, stepNumber));
                    if (step instanceof Step.Alone alone) {
                        runAlone(down, alone.statement(), inFlight == stepNumber, MigrationState.REVERTING, stepNumber,
                                Step.checksumOf(steps, stepNumber - 1));
                        inTransaction(record);
                    } else if (step instanceof Step.Batched batched) {
                        runBatched(down, batched, applied.key(), record);
                    } else {
                        runStep(down, step, record);
                    }
                }
                if (steps.isEmpty()) inTransaction(finish);
            }
        } catch (StepFailure failure) {
            recordFailure("revert", down, failure, started, t0);
            throw failure;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        listener.on(new ApplyEvent.Finished(down.script(), false, took));
        return took;
    }

    /** Runs a transactional step (or a Java call) with its record, retrying lock timeouts. */
    private void runStep(Unit unit, Step step, Recorder record) throws StepFailure, SQLException {
        if (step instanceof Step.JavaCall call && !call.inTransaction()) {
            try {
                callJava(call);
            } catch (Exception e) {
                throw new StepFailure(unit.script() + " failed: " + describe(e), new SourcePosition(unit.script(), 0),
                        e, List.of(), 1, false, List.of());
            }
            inTransaction(record);
            return;
        }
        for (int attempt = 1; ; attempt++) {
            PlannedStatement current = null;
            try {
                session.setAutoCommit(false);
                // the session already has the run's timeouts (see Migrator); only a directive changes them, locally
                if (step instanceof Step.InTransaction t) {
                    Duration lockTimeout = options.lockTimeout();
                    Duration statementTimeout = options.statementTimeout();
                    for (PlannedStatement statement : t.statements()) {
                        current = statement;
                        Duration wantLock = orDefault(statement.lockTimeout(), options.lockTimeout());
                        Duration wantStatement = orDefault(statement.statementTimeout(), options.statementTimeout());
                        if (!wantLock.equals(lockTimeout) || !wantStatement.equals(statementTimeout)) {
                            setTimeouts(true, wantLock, wantStatement);
                            lockTimeout = wantLock;
                            statementTimeout = wantStatement;
                        }
                        execute(unit, statement, lockTimeout, options.maxBlocking());
                    }
                } else if (step instanceof Step.JavaCall call) {
                    callJava(call);
                } else {
                    throw new AssertionError(step);
                }
                current = null;
                record.run();
                session.commit();
                return;
            } catch (Exception e) {
                rollbackKeeping(e);
                SourcePosition where = current == null ? new SourcePosition(unit.script(), Step.firstLine(step))
                        : positionOf(current, e);
                if (retryAfter(unit, where, e, attempt)) continue;
                if (e instanceof SQLException && current == null && !(step instanceof Step.JavaCall)) {
                    throw (SQLException) e;   // the history write failed, not the migration
                }
                throw failure(unit, describe(e), where, e, attempt);
            } finally {
                if (!session.getAutoCommit()) session.setAutoCommit(true);
            }
        }
    }

    /**
     * Runs a statement that cannot run in a transaction, marked in flight so a cut-off run is judged by the catalog.
     */
    private void runAlone(Unit unit, PlannedStatement statement, boolean wasInFlight, MigrationState state,
            int stepNumber, int doneChecksum) throws StepFailure, SQLException {
        Optional<ConcurrentIndexBuild> index = statement.statement().concurrentIndexBuild();
        if (wasInFlight && index.isPresent() && index.get().indexName() != null) {
            Optional<Boolean> valid = indexValidity(index.get());
            if (valid.orElse(false)) {
                listener.on(new ApplyEvent.Note(unit.script(), "index " + index.get().indexName() + " (line "
                        + statement.where().line() + ") was built by the run that was cut off and is valid"));
                return;
            }
        }
        inTransaction(() -> history.markSteps(session, unit.key(), state, stepNumber - 1, stepNumber, doneChecksum));
        boolean concurrentBuild = index.isPresent();
        Duration lockTimeout = concurrentBuild ? options.concurrentIndexTimeout()
                : orDefault(statement.lockTimeout(), options.lockTimeout());
        Duration statementTimeout = orDefault(statement.statementTimeout(), options.statementTimeout());
        for (int attempt = 1; ; attempt++) {
            if (index.isPresent()) dropIfInvalid(unit, index.get(), statement);
            try {
                setTimeouts(false, lockTimeout, statementTimeout);
                // a concurrent build blocks only DDL and VACUUM, by design, and must not be cut off for that
                execute(unit, statement, lockTimeout, concurrentBuild ? Duration.ZERO : options.maxBlocking());
                return;
            } catch (SQLException e) {
                if (retryAfter(unit, positionOf(statement, e), e, attempt)) continue;
                throw failure(unit, describe(e), positionOf(statement, e), e, attempt);
            } finally {
                setTimeouts(false, options.lockTimeout(), options.statementTimeout());
            }
        }
    }

    /**
     * Runs a batched {@code UPDATE} or {@code DELETE}: one transaction per range of keys, each recording the last key
     * it reached in the history row {@code historyKey}, then {@code record} together with the end of the batches. A
     * run cut off between batches resumes after the last committed one; nothing is done twice.
     */
    private void runBatched(Unit unit, Step.Batched step, String historyKey, Recorder record)
            throws StepFailure, SQLException {
        PlannedStatement statement = step.statement();
        history.ensureBatchColumn(session);
        requireNotNullKey(unit, step);
        String last = history.batchLastKey(session, historyKey).orElse(null);
        int line = statement.where().line();
        if (last != null) {
            listener.on(new ApplyEvent.Note(unit.script(), "line " + line + ": resuming the batches after "
                    + step.batch().keyColumn() + " " + last + " (an earlier run committed up to there)"));
        }
        long batches = 0;
        long rows = 0;
        long lastNote = System.nanoTime();
        for (BatchDone done = runOneBatch(unit, step, historyKey, last); done != null;
                done = runOneBatch(unit, step, historyKey, last)) {
            last = done.upTo();
            batches++;
            rows += done.rows();
            if (System.nanoTime() - lastNote > BATCH_NOTE_EVERY.toNanos()) {
                lastNote = System.nanoTime();
                listener.on(new ApplyEvent.Note(unit.script(), "line " + line + ": " + batches + " batch(es), "
                        + rows + " row(s) so far, up to " + step.batch().keyColumn() + " " + last));
            }
            pauseBetweenBatches(statement.batch().pause());
        }
        inTransaction(() -> {
            history.markBatch(session, historyKey, null);
            record.run();
        });
        listener.on(new ApplyEvent.Note(unit.script(), "line " + line + ": " + batches + " batch(es) of up to "
                + statement.batch().size() + " " + step.batch().keyColumn() + " value(s), " + rows
                + " row(s) changed"));
    }

    /** A committed batch: the last key it covered and the rows it changed. */
    private record BatchDone(String upTo, long rows) {
    }

    /** {@return the batch after key {@code last}, committed with its record; null when no key is left} */
    private BatchDone runOneBatch(Unit unit, Step.Batched step, String historyKey, String last)
            throws StepFailure, SQLException {
        PlannedStatement statement = step.statement();
        Duration lockTimeout = orDefault(statement.lockTimeout(), options.lockTimeout());
        Duration statementTimeout = orDefault(statement.statementTimeout(), options.statementTimeout());
        for (int attempt = 1; ; attempt++) {
            try {
                session.setAutoCommit(false);
                setTimeouts(true, lockTimeout, statementTimeout);
                String upTo;
                try (Statement bound = session.createStatement();
                     ResultSet rows = bound.executeQuery(step.batch().nextBoundQuery(last,
                             statement.batch().size()))) {
                    rows.next();
                    upTo = rows.getString(1);
                }
                if (upTo == null) {
                    session.rollback();
                    return null;
                }
                long changed;
                try (Statement jdbc = session.createStatement();
                     BlockerWatch.Watching ignored = watch.watch(backendPid, lockTimeout, options.maxBlocking())) {
                    jdbc.setEscapeProcessing(false);
                    changed = jdbc.executeLargeUpdate(step.batch().batch(last, upTo));
                }
                history.markBatch(session, historyKey, upTo);
                session.commit();
                return new BatchDone(upTo, changed);
            } catch (SQLException e) {
                rollbackKeeping(e);
                if (retryAfter(unit, statement.where(), e, attempt)) continue;
                throw failure(unit, describe(e) + " (in the batch after " + (last == null ? "the start"
                        : step.batch().keyColumn() + " " + last) + "; the batches before it are committed)",
                        statement.where(), e, attempt);
            } finally {
                if (!session.getAutoCommit()) session.setAutoCommit(true);
            }
        }
    }

    /**
     * Refuses a batch key that may be NULL: keyset ranges never cover NULL, so those rows would silently be left
     * out.
     */
    private void requireNotNullKey(Unit unit, Step.Batched step) throws StepFailure, SQLException {
        KeysetBatch batch = step.batch();
        try (PreparedStatement query = session.prepareStatement("select a.attnotnull from pg_catalog.pg_attribute a"
                + " where a.attrelid = pg_catalog.to_regclass(?) and a.attname = ? and not a.attisdropped")) {
            query.setString(1, batch.table().toString());
            query.setString(2, batch.keyColumn());
            try (ResultSet rows = query.executeQuery()) {
                String problem = !rows.next() ? "has no column " + batch.keyColumn()
                        : rows.getBoolean(1) ? null : "allows NULL in " + batch.keyColumn() + ", and rows with a"
                        + " NULL key would be left out of every batch";
                if (problem == null) return;
                throw new StepFailure(unit.script() + " failed: '-- slipway:batch key=" + batch.keyColumn()
                        + "': table " + batch.table() + " " + problem + "; batch by a NOT NULL key, such as the"
                        + " primary key", step.statement().where(), null, List.of(), 1, false, List.of());
            }
        }
    }

    private static void pauseBetweenBatches(Duration pause) throws SQLException {
        if (pause.isZero()) return;
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while pausing between batches", e);
        }
    }

    private void dropIfInvalid(Unit unit, ConcurrentIndexBuild index, PlannedStatement statement) throws SQLException {
        if (index.indexName() == null) return;
        if (indexValidity(index).map(valid -> !valid).orElse(false)) {
            try (Statement drop = session.createStatement()) {
                drop.execute("drop index concurrently if exists " + qualifiedIndex(index));
            }
            listener.on(new ApplyEvent.Note(unit.script(), "dropped the invalid index " + index.indexName()
                    + " left by an earlier failed build; building it again (line " + statement.where().line() + ")"));
        }
    }

    /** {@return whether the index exists and is valid; empty when it does not exist} */
    private Optional<Boolean> indexValidity(ConcurrentIndexBuild index) throws SQLException {
        try (PreparedStatement query = session.prepareStatement(
                "select i.indisvalid from pg_catalog.pg_index i where i.indexrelid = to_regclass(?)")) {
            query.setString(1, qualifiedIndex(index));
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getBoolean(1)) : Optional.empty();
            }
        }
    }

    private static String qualifiedIndex(ConcurrentIndexBuild index) {
        return index.schema() == null ? PgIdentifiers.quote(index.indexName())
                : PgIdentifiers.qualified(index.schema(), index.indexName());
    }

    private void execute(Unit unit, PlannedStatement statement, Duration lockTimeout, Duration maxBlocking)
            throws SQLException {
        try (Statement jdbc = session.createStatement();
             BlockerWatch.Watching ignored = watch.watch(backendPid, lockTimeout, maxBlocking)) {
            jdbc.setEscapeProcessing(false);
            jdbc.execute(statement.statement().text());
        }
    }

    private void callJava(Step.JavaCall call) throws Exception {
        MigrationContext context = new JavaContext(session, call.name(), call.placeholders());
        if (call.up()) {
            call.migration().up(context);
        } else {
            call.migration().down(context);
        }
    }

    private void setTimeouts(boolean local, Duration lockTimeout, Duration statementTimeout) throws SQLException {
        try (PreparedStatement set = session.prepareStatement(
                "select pg_catalog.set_config('lock_timeout', ?, ?),"
                        + " pg_catalog.set_config('statement_timeout', ?, ?)")) {
            set.setString(1, lockTimeout.toMillis() + "ms");
            set.setBoolean(2, local);
            set.setString(3, statementTimeout.toMillis() + "ms");
            set.setBoolean(4, local);
            set.execute();
        }
    }

    /**
     * {@return whether the failed attempt is tried again: its lock wait timed out, or the watchdog cancelled it for
     * blocking others, and retries are left} Pauses with backoff before it does.
     */
    private boolean retryAfter(Unit unit, SourcePosition where, Exception e, int attempt) throws SQLException {
        List<Blocker> waiters = cancelledForBlocking(e);
        if (!isLockTimeout(e) && waiters.isEmpty() || attempt > options.lockRetries()) return false;
        pauseBeforeRetry(unit, where, attempt, waiters);
        return true;
    }

    /** {@return the failure of an attempt that is not tried again, with the sessions that were in its way} */
    private StepFailure failure(Unit unit, String what, SourcePosition where, Exception e, int attempt) {
        return new StepFailure(unit.script() + " failed: " + what, where, e, watch.lastSeen(), attempt,
                isLockTimeout(e), cancelledForBlocking(e));
    }

    private void pauseBeforeRetry(Unit unit, SourcePosition where, int attempt, List<Blocker> waiters)
            throws SQLException {
        long ceiling = Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS << Math.min(attempt - 1, 16));
        long pause = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        listener.on(new ApplyEvent.Retrying(unit.script(), where.line(), attempt, options.lockRetries(),
                Duration.ofMillis(pause), watch.lastSeen(), waiters));
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while pausing before a retry", e);
        }
    }

    private void inTransaction(Recorder work) throws SQLException {
        session.setAutoCommit(false);
        try {
            work.run();
            session.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackKeeping(e);
            throw e;
        } finally {
            session.setAutoCommit(true);
        }
    }

    private void recordFailure(String action, Unit unit, StepFailure failure, Instant started, long t0) {
        try {
            if (!session.getAutoCommit()) session.setAutoCommit(true);
            history.audit(session, audit(action, unit, "failed", failure.getMessage() + " at " + failure.where(),
                    started, t0));
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private void rollbackKeeping(Exception first) {
        try {
            if (!session.getAutoCommit()) session.rollback();
        } catch (SQLException e) {
            first.addSuppressed(e);
        }
    }

    /** {@return the row of a migration that ran to its end, with the checksum of its statements} */
    private HistoryEntry applied(Unit unit, List<Step> steps, Instant started, long t0) {
        return new HistoryEntry(unit.key(), unit.version(), unit.type(), unit.description(), unit.script(),
                unit.checksum(), MigrationState.APPLIED, steps.size(), 0, null, started,
                Duration.ofNanos(System.nanoTime() - t0).toMillis(), "run", null, null,
                Step.statementsChecksum(steps));
    }

    private HistoryEntry entry(Unit unit, MigrationState state, int stepsDone, int inFlight, Instant started,
            long t0) {
        return new HistoryEntry(unit.key(), unit.version(), unit.type(), unit.description(), unit.script(),
                unit.checksum(), state, stepsDone, inFlight, null, started,
                Duration.ofNanos(System.nanoTime() - t0).toMillis(), "run");
    }

    private AuditRecord audit(String action, Unit unit, String outcome, String detail, Instant started, long t0) {
        return new AuditRecord(action, unit.version(), unit.description(), unit.script(), unit.checksum(), outcome,
                detail, actor, started, Duration.ofNanos(System.nanoTime() - t0).toMillis());
    }

    private static SourcePosition positionOf(PlannedStatement statement, Exception e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getPosition() > 0) {
            return statement.positionOf(p.getServerErrorMessage().getPosition());
        }
        return statement.where();
    }

    private static boolean isLockTimeout(Exception e) {
        return e instanceof SQLException s && LOCK_NOT_AVAILABLE.equals(s.getSQLState());
    }

    /** {@return the sessions the watch cancelled the statement for, when that is why it failed; else none} */
    private List<Blocker> cancelledForBlocking(Exception e) {
        boolean cancelled = e instanceof SQLException s && QUERY_CANCELED.equals(s.getSQLState());
        return cancelled ? watch.cancelledFor() : List.of();
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null ? fallback : value;
    }

    static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String state = e instanceof SQLException s && s.getSQLState() != null ? " (SQLSTATE " + s.getSQLState() + ")"
                : "";
        return message.strip() + state;
    }

    /** What a Java migration sees while it runs. */
    private record JavaContext(Connection connection, MigrationName migration, Map<String, String> placeholders)
            implements MigrationContext {
    }

    /** Work that records progress in the history, inside the caller's transaction. */
    @FunctionalInterface
    private interface Recorder {
        void run() throws SQLException;
    }
}
