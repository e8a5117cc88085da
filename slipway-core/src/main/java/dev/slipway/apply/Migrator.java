package dev.slipway.apply;

import dev.slipway.SlipwayException;
import dev.slipway.history.Actor;
import dev.slipway.history.AlembicVersion;
import dev.slipway.history.AuditEntry;
import dev.slipway.history.FlywayHistory;
import dev.slipway.history.HistoryEntry;
import dev.slipway.history.HistoryTable;
import dev.slipway.history.HistoryTable.AuditRecord;
import dev.slipway.history.MigrationState;
import dev.slipway.migration.MigrationFormatException;
import dev.slipway.migration.MigrationSet;
import dev.slipway.migration.MigrationType;
import dev.slipway.migration.Problem;
import dev.slipway.migration.Version;
import dev.slipway.sql.SqlSyntaxException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies, reverts, stamps and reports migrations on one database.
 * <p>Every operation that writes takes the runner lock first, on the session that then does the work. Thread-safe in
 * the sense that each call opens its own session; two calls at once serialise on the runner lock.
 */
public final class Migrator {
    private final SessionOpener sessions;
    private final Reconciliation.Catalog catalog;
    private final ApplyOptions options;
    private final ApplyListener listener;
    private final Actor actor;
    private final HistoryTable history;
    private final RunnerLock.Role role;

    /**
     * A migrator for a scanned set.
     *
     * @param sessions opens sessions to the target database
     * @param set      the migrations
     * @param options  how to apply them
     * @param listener who hears about progress
     */
    public static Migrator create(SessionOpener sessions, MigrationSet set, ApplyOptions options,
            ApplyListener listener) {
        return new Migrator(sessions, Catalogs.of(set), options, listener, Actor.current(),
                RunnerLock.Role.ON_ITS_OWN);
    }

    private Migrator(SessionOpener sessions, Reconciliation.Catalog catalog, ApplyOptions options,
            ApplyListener listener, Actor actor, RunnerLock.Role role) {
        this.sessions = sessions;
        this.catalog = catalog;
        this.options = options;
        this.listener = listener;
        this.actor = actor;
        this.history = new HistoryTable(options.historySchema());
        this.role = role;
    }

    /**
     * {@return this migrator as a step of a deploy, which holds the deploy lock for it: it takes the runner lock
     * alone, where a run on its own would wait for the deploy to end}
     */
    public Migrator asDeployStep() {
        return new Migrator(sessions, catalog, options, listener, actor, RunnerLock.Role.DEPLOY_STEP);
    }

    /** Applies pending migrations up to {@code target} (null: all, then changed repeatables). */
    public MigrateResult migrate(Version target) {
        return locked("migrate", (session, runner) -> {
            List<HistoryEntry> entries = history.read(session);
            if (entries.isEmpty() && !FlywayHistory.read(session, options.historySchema()).isEmpty()) {
                throw SlipwayException.badInput("this database was migrated by Flyway (flyway_schema_history) and"
                        + " Slipway has no history of it yet; running the files again would fail or duplicate work",
                        options.historySchema() + ".flyway_schema_history", "not touched",
                        "run `slipway baseline` to adopt Flyway's history, then `slipway migrate`");
            }
            List<String> alembic = entries.isEmpty() ? AlembicVersion.read(session, options.historySchema())
                    : List.of();
            if (!alembic.isEmpty()) {
                throw SlipwayException.badInput("this database is managed by Alembic (alembic_version holds "
                        + String.join(", ", alembic) + ") and Slipway has no history of it yet; running the files"
                        + " from the first would fail on what exists or do it twice", options.historySchema() + "."
                        + AlembicVersion.TABLE, "not touched", "run `slipway baseline --version <V>` with the version"
                        + " of your migrations that revision " + String.join(", ", alembic) + " corresponds to,"
                        + " then `slipway migrate`");
            }
            Reconciliation state = new Reconciliation(catalog, entries, target);
            refuseOnProblems(state.problems(options.outOfOrder(), target), state.current(), "migrate");
            Version from = state.current();
            if (target != null && from != null && target.compareTo(from) < 0) {
                throw SlipwayException.badInput("the database is at version " + from + ", above the target " + target,
                        "--target " + target, "not touched", "to go back, run `slipway downgrade --to " + target + "`");
            }
            List<AppliedMigration> applied = new ArrayList<>();
            List<Candidate> todo = new ArrayList<>();
            state.baselineToApply().ifPresent(todo::add);
            todo.addAll(state.pending(target));
            if (target == null) todo.addAll(state.outdatedRepeatables());
            // a mistake in the fifth file must not leave the first four applied: read every file before running one,
            // once: the plans are kept, so each file is read and split a single time
            List<StepPlanner.Planned> plans = new ArrayList<>(todo.size());
            for (Candidate candidate : todo) {
                StepPlanner.Planned planned = plan(candidate.up(), runner, nothingApplied(from));
                state.entry(candidate.up().key()).filter(e -> e.state() == MigrationState.PARTIAL)
                        .ifPresent(partial -> checkStepsThatRan(candidate.up(), planned, partial, from));
                plans.add(planned);
            }
            List<StepPlanner.Planned> before = callbacks(catalog.beforeMigrate(), runner, from);
            List<StepPlanner.Planned> after = callbacks(catalog.afterMigrate(), runner, from);
            runCallbacks(session, runner, catalog.beforeMigrate(), before, from);
            Version now = from;
            for (int i = 0; i < todo.size(); i++) {
                Unit up = todo.get(i).up();
                HistoryEntry partial = state.entry(up.key())
                        .filter(e -> e.state() == MigrationState.PARTIAL).orElse(null);
                StepPlanner.Planned planned = plans.set(i, null);   // let it go once it has run
                try {
                    applied.add(new AppliedMigration(up.version(), up.description(), up.script(),
                            runner.apply(up, planned, partial)));
                } catch (StepFailure failure) {
                    throw failedStep(session, failure, up, now, "migrate");
                }
                if (up.version() != null && (now == null || up.version().compareTo(now) > 0)) now = up.version();
            }
            runCallbacks(session, runner, catalog.afterMigrate(), after, now);
            return new MigrateResult(from, now, applied);
        });
    }

    /** Reverts applied migrations with their down migrations, newest first. */
    public DowngradeResult downgrade(DowngradeTarget target) {
        return locked("downgrade", (session, runner) -> {
            List<HistoryEntry> entries = history.read(session);
            Reconciliation state = new Reconciliation(catalog, entries, null);
            List<HistoryEntry> applied = entries.stream()
                    .filter(e -> e.version() != null && e.type() != MigrationType.REPEATABLE)
                    .sorted(Comparator.comparing(HistoryEntry::version).reversed())
                    .toList();
            List<HistoryEntry> toRevert = choose(applied, target);
            Map<String, Candidate> byKey = new HashMap<>();
            catalog.versioned().forEach(c -> byKey.put(c.up().key(), c));
            for (HistoryEntry entry : toRevert) {
                if (entry.state() == MigrationState.PARTIAL) {
                    throw SlipwayException.badInput("version " + entry.version() + " (" + entry.script()
                            + ") is only partly applied", entry.script(), "at version " + state.current()
                            + "; nothing reverted", "run `slipway migrate` to finish it, then downgrade");
                }
                if (entry.type() == MigrationType.BASELINE) {
                    throw SlipwayException.badInput("version " + entry.version() + " is the baseline; there is"
                            + " nothing below it to go back to", entry.script(), "at version " + state.current()
                            + "; nothing reverted", "downgrade to " + entry.version()
                                    + " at most, or restore a backup");
                }
                Candidate candidate = byKey.get(entry.key());
                if (candidate == null || candidate.down() == null) {
                    throw SlipwayException.badInput("version " + entry.version() + " (" + entry.script()
                            + ") has no down migration", entry.script(), "at version " + state.current()
                            + "; nothing reverted", "write U" + entry.version() + "__" + entry.description()
                            .replace(' ', '_') + ".sql, or downgrade only to " + entry.version()
                            + ", or restore a backup");
                }
            }
            Version from = state.current();
            // every down is read and split before the first runs, once: the plans are kept for the run
            List<StepPlanner.Planned> plans = new ArrayList<>(toRevert.size());
            toRevert.forEach(entry -> plans.add(plan(byKey.get(entry.key()).down(), runner, nothingApplied(from))));
            List<AppliedMigration> reverted = new ArrayList<>();
            Version now = from;
            for (int i = 0; i < toRevert.size(); i++) {
                HistoryEntry entry = toRevert.get(i);
                Unit down = byKey.get(entry.key()).down();
                StepPlanner.Planned planned = plans.set(i, null);
                try {
                    reverted.add(new AppliedMigration(entry.version(), entry.description(), down.script(),
                            runner.revert(down, planned, entry)));
                } catch (StepFailure failure) {
                    throw failedStep(session, failure, down, now, "downgrade");
                }
                now = i + 1 < applied.size() ? applied.get(applied.indexOf(entry) + 1).version() : null;
            }
            return new DowngradeResult(from, now, reverted);
        });
    }

    private static List<HistoryEntry> choose(List<HistoryEntry> appliedNewestFirst, DowngradeTarget target) {
        if (target instanceof DowngradeTarget.Steps steps) {
            if (steps.count() > appliedNewestFirst.size()) {
                throw SlipwayException.badInput("cannot go back " + steps.count() + " migration(s): only "
                        + appliedNewestFirst.size() + " applied", "downgrade -" + steps.count(),
                        "nothing reverted", "use `slipway downgrade --base` to revert everything");
            }
            return appliedNewestFirst.subList(0, steps.count());
        }
        if (target instanceof DowngradeTarget.To to) {
            return appliedNewestFirst.stream().filter(e -> e.version().compareTo(to.version()) > 0).toList();
        }
        if (target instanceof DowngradeTarget.Base) {
            // below a baseline there are no migrations to run backwards: the baseline is as far as one can go
            return appliedNewestFirst.stream().takeWhile(e -> e.type() != MigrationType.BASELINE).toList();
        }
        throw new AssertionError(target);
    }

    /** Marks every migration up to {@code version} applied without running it, and unmarks the ones above. */
    public StampResult stamp(Version version) {
        return locked("stamp", (session, runner) -> {
            Map<String, HistoryEntry> entries = history.read(session).stream()
                    .collect(Collectors.toMap(HistoryEntry::key, e -> e));
            if (catalog.versioned().stream().noneMatch(c -> c.up().version().equals(version))) {
                throw SlipwayException.badInput("no migration has version " + version, "stamp " + version,
                        "not touched", "run `slipway status` to see the versions, then stamp one of them");
            }
            List<String> stamped = new ArrayList<>();
            List<String> unstamped = new ArrayList<>();
            Instant now = Instant.now();
            inOneTransaction(session, () -> {
                for (Candidate candidate : catalog.versioned()) {
                    Unit up = candidate.up();
                    HistoryEntry entry = entries.get(up.key());
                    if (up.version().compareTo(version) <= 0 && entry == null) {
                        history.save(session, new HistoryEntry(up.key(), up.version(), up.type(), up.description(),
                                up.script(), up.checksum(), MigrationState.APPLIED, 0, 0, null, now, 0, "stamp"));
                        history.audit(session, new AuditRecord("stamp", up.version(), up.description(), up.script(),
                                up.checksum(), "success", null, actor, now, 0));
                        stamped.add(up.script());
                    }
                }
                for (HistoryEntry entry : entries.values()) {
                    if (entry.version() != null && entry.type() != MigrationType.REPEATABLE
                            && entry.version().compareTo(version) > 0) {
                        history.delete(session, entry.key());
                        history.audit(session, new AuditRecord("unstamp", entry.version(), entry.description(),
                                entry.script(), entry.checksum(), "success", null, actor, now, 0));
                        unstamped.add(entry.script());
                    }
                }
            });
            return new StampResult(version, stamped, unstamped);
        });
    }

    /**
     * Accepts the files of applied migrations as they are now: where a file changed after it ran (a comment fixed,
     * a file reformatted), its row gets the file's checksum and the audit trail a {@code repair} row saying what it
     * was. Runs nothing.
     *
     * @param versions                the versions to accept; empty: every changed file
     * @param acceptChangedStatements whether a file whose statements are not those that ran may be accepted; without
     *                                it such a file is refused, since the databases that ran the old statements keep
     *                                what they did
     * @throws SlipwayException (bad input, nothing touched) when a version named has no changed file to accept, or a
     *                          file's statements changed and that was not accepted
     */
    public RepairResult repair(List<Version> versions, boolean acceptChangedStatements) {
        if (!historyExists("repair")) {
            // nothing ran here, so no file changed since it ran: answered without creating the history tables
            chosen(new Reconciliation(catalog, List.of(), null), versions);
            return new RepairResult(List.of());
        }
        return locked("repair", (session, runner) -> {
            Reconciliation state = new Reconciliation(catalog, history.read(session), null);
            List<Reconciliation.Changed> chosen = chosen(state, versions);
            if (!acceptChangedStatements) refuseChangedStatements(chosen);
            List<RepairResult.Accepted> accepted = new ArrayList<>();
            Instant now = Instant.now();
            inOneTransaction(session, () -> {
                for (Reconciliation.Changed changed : chosen) {
                    HistoryEntry entry = changed.entry();
                    int then = entry.checksum();
                    int file = changed.file().checksum();
                    history.saveAndAudit(session, entry.withChecksum(file), new AuditRecord("repair",
                            entry.version(), entry.description(), changed.file().script(), file, "success",
                            "accepted the file as it is now: checksum " + then + " when it ran on "
                                    + entry.appliedAt() + ", " + file + " now; nothing ran", actor, now, 0));
                    accepted.add(new RepairResult.Accepted(entry.version(), changed.file().script(), then, file,
                            entry.appliedAt(), changed.sameStatements() == null ? RepairResult.Edit.UNKNOWN
                            : changed.sameStatements() ? RepairResult.Edit.LAYOUT : RepairResult.Edit.STATEMENTS));
                }
            });
            return new RepairResult(accepted);
        });
    }

    private static void refuseChangedStatements(List<Reconciliation.Changed> chosen) {
        List<Reconciliation.Changed> rewritten = chosen.stream()
                .filter(c -> Boolean.FALSE.equals(c.sameStatements())).toList();
        if (rewritten.isEmpty()) return;
        String files = String.join(", ", rewritten.stream().map(c -> c.file().script()).toList());
        throw SlipwayException.badInput("the statements of " + files + " are not those that ran (more changed than"
                + " comments, whitespace or the case of words): the databases that ran them keep what the old"
                + " statements did, and new ones would get what the new ones do", files, "not touched",
                "put back the content that ran and write the change as a new migration; or, once `slipway drift`"
                        + " shows the new statements leave the same schema, repair with --accept-changed-statements");
    }

    private boolean historyExists(String command) {
        try (Connection session = sessions.open()) {
            return history.exists(session);
        } catch (SQLException e) {
            throw SlipwayException.failed(command + " failed: " + UnitRunner.describe(e), "not touched",
                    "check the connection, then run `slipway " + command + "` again", e);
        }
    }

    /** {@return the changed files {@code versions} name (all when empty); a version with none is refused} */
    private List<Reconciliation.Changed> chosen(Reconciliation state, List<Version> versions) {
        List<Reconciliation.Changed> changed = state.changed();
        if (versions.isEmpty()) return changed;
        List<Reconciliation.Changed> chosen = new ArrayList<>();
        for (Version version : versions) {
            Optional<Reconciliation.Changed> match = changed.stream()
                    .filter(c -> c.entry().version().equals(version)).findFirst();
            if (match.isEmpty()) {
                throw SlipwayException.badInput(whyNothingToRepair(state, version), "repair " + version,
                        "not touched", "run `slipway status`: repair accepts the files it marks changed");
            }
            if (!chosen.contains(match.get())) chosen.add(match.get());
        }
        return chosen;
    }

    private String whyNothingToRepair(Reconciliation state, Version version) {
        Optional<HistoryEntry> entry = state.entry(HistoryEntry.versionKey(version));
        boolean onDisk = catalog.versioned().stream().anyMatch(c -> c.up().version().equals(version))
                || catalog.baselines().stream().anyMatch(c -> c.up().version().equals(version));
        if (entry.isEmpty()) {
            return onDisk ? "version " + version + " is not applied: its file runs as it is, there is nothing to"
                    + " accept" : "no migration has version " + version;
        }
        if (entry.get().state() == MigrationState.PARTIAL) {
            return "version " + version + " is partly applied: `slipway migrate` compares the steps that ran with"
                    + " the file and resumes, so there is nothing to accept";
        }
        if (!onDisk) {
            return "the file of version " + version + " (" + entry.get().script() + ") is gone; repair accepts a"
                    + " changed file, not a missing one";
        }
        if (!entry.get().wasRun()) {
            return "version " + version + " was recorded by " + entry.get().how() + ", not run, so its file is not"
                    + " compared with what ran";
        }
        return "the file of version " + version + " (" + entry.get().script() + ") has the checksum of what ran;"
                + " nothing to repair";
    }

    /**
     * Adopts a database Slipway has not managed yet: imports Flyway's history when there is one, otherwise records
     * {@code version} as the baseline below which nothing runs.
     */
    public BaselineResult baseline(Version version) {
        return locked("baseline", (session, runner) -> {
            List<HistoryEntry> entries = history.read(session);
            if (!entries.isEmpty()) {
                throw SlipwayException.badInput("this database already has a Slipway history (" + entries.size()
                        + " rows)", history.schema() + "." + HistoryTable.STATE_TABLE, "not touched",
                        "use `slipway stamp <version>` to move the recorded version");
            }
            Instant now = Instant.now();
            List<HistoryEntry> adopted = FlywayHistory.read(session, options.historySchema());
            List<String> alembic = adopted.isEmpty() ? AlembicVersion.read(session, options.historySchema())
                    : List.of();
            if (adopted.isEmpty() && version == null) {
                if (!alembic.isEmpty()) {
                    throw SlipwayException.badInput("this database is at Alembic revision " + String.join(", ",
                            alembic) + " (alembic_version); Alembic's revisions are not versions of your migration"
                            + " files, so the baseline needs the version that revision corresponds to",
                            "baseline", "not touched", "run `slipway baseline --version <V>`, V being the newest"
                                    + " migration whose changes the database already has");
                }
                throw SlipwayException.badInput("no version to baseline at and no flyway_schema_history to adopt",
                        "baseline", "not touched", "run `slipway baseline --version <version>` with the version the"
                                + " database's schema matches");
            }
            inOneTransaction(session, () -> {
                if (!adopted.isEmpty()) {
                    for (HistoryEntry entry : adopted) {
                        history.save(session, entry);
                        history.audit(session, new AuditRecord("adopt", entry.version(), entry.description(),
                                entry.script(), entry.checksum(), "success", "from flyway_schema_history", actor, now,
                                0));
                    }
                } else {
                    HistoryEntry marker = new HistoryEntry(HistoryEntry.versionKey(version), version,
                            MigrationType.BASELINE, "baseline", "baseline " + version, null, MigrationState.APPLIED, 0,
                            0, null, now, 0, "baseline");
                    history.save(session, marker);
                    history.audit(session, new AuditRecord("baseline", version, "baseline", marker.script(), null,
                            "success", alembic.isEmpty() ? null : "adopted from Alembic revision "
                            + String.join(", ", alembic) + " (alembic_version, left as it was)", actor, now, 0));
                }
            });
            return new BaselineResult(version, adopted.size());
        });
    }

    /** {@return how every migration stands; reads only, takes no lock, creates nothing} */
    public StatusReport status() {
        try (Connection session = sessions.open()) {
            boolean exists = history.exists(session);
            List<HistoryEntry> entries = history.read(session);
            Reconciliation state = new Reconciliation(catalog, entries, null);
            Map<String, String> lastFailures = new HashMap<>();
            if (exists) {
                for (AuditEntry audit : history.readAudit(session)) {
                    if (!"apply".equals(audit.action())) continue;
                    if ("failed".equals(audit.outcome())) {
                        lastFailures.put(keyOf(audit), audit.detail());
                    } else {
                        lastFailures.remove(keyOf(audit));
                    }
                }
            }
            return new StatusReport(state.current(), exists, state.status(lastFailures),
                    RunnerLock.running(session, options.historySchema()));
        } catch (SQLException e) {
            throw SlipwayException.failed("could not read the history: " + UnitRunner.describe(e), "not touched",
                    "check the connection and the history schema (" + options.historySchema() + ")", e);
        }
    }

    /** Failures are matched by version, not by path: the same file may be reached through another location. */
    private static String keyOf(AuditEntry audit) {
        return audit.version() != null ? HistoryEntry.versionKey(Version.parse(audit.version()))
                : HistoryEntry.repeatableKey(audit.description());
    }

    /** {@return the audit trail, oldest first} */
    public List<AuditEntry> history() {
        try (Connection session = sessions.open()) {
            return history.readAudit(session);
        } catch (SQLException e) {
            throw SlipwayException.failed("could not read the history: " + UnitRunner.describe(e), "not touched",
                    "check the connection and the history schema (" + options.historySchema() + ")", e);
        }
    }

    /** {@return problems between the files and the history (changed, missing, out of order); reads only} */
    public List<Problem> problems() {
        try (Connection session = sessions.open()) {
            return new Reconciliation(catalog, history.read(session), null).problems(options.outOfOrder(), null);
        } catch (SQLException e) {
            throw SlipwayException.failed("could not read the history: " + UnitRunner.describe(e), "not touched",
                    "check the connection and the history schema (" + options.historySchema() + ")", e);
        }
    }

    private <T> T locked(String command, LockedWork<T> work) {
        try (Connection session = sessions.open()) {
            session.setAutoCommit(true);
            int pid = backendPid(session);
            int major = serverMajor(session);
            prepareSession(session, major);
            RunnerLock lock;
            try {
                lock = RunnerLock.acquire(session, options.historySchema(), role, options.lockWait(),
                        holder -> listener.on(new ApplyEvent.WaitingForRunnerLock(holder)));
            } catch (RunnerLock.LockHeldException e) {
                String holder = e.holder().map(RunnerLock.LockHolder::describe).orElse("a session that just ended");
                boolean deploy = e.holder().map(RunnerLock.LockHolder::deploy).orElse(false);
                String waited = "; waited " + String.format(Locale.ROOT, "%.1f", e.waited().toMillis() / 1000.0)
                        + " s";
                throw SlipwayException.failed(deploy ? "a deploy is running on this database: " + holder
                                + "; nothing else may migrate until it has verified or rolled back" + waited
                                : "another Slipway run holds the migration lock on this database: " + holder + waited,
                        "not touched by this run", e.holder().orElse(RunnerLock.LockHolder.ENDED).waitForIt()
                                + ", or wait longer with --lock-wait", null);
            }
            try (lock; BlockerWatch watch = new BlockerWatch(sessions)) {
                createHistory(session);
                UnitRunner runner = new UnitRunner(session, pid, major, history, options, listener, watch, actor);
                try {
                    return work.run(session, runner);
                } finally {
                    resetSettings(session, major);
                }
            }
        } catch (SQLException e) {
            boolean connectionLost = e.getSQLState() == null || e.getSQLState().startsWith("08");
            throw SlipwayException.failed(command + " failed: " + UnitRunner.describe(e), "unknown: "
                    + (connectionLost ? "the connection failed mid-way" : "a query of Slipway's own failed")
                    + "; every migration is recorded with its effects, so the history is still true",
                    (connectionLost ? "check the connection" : "fix what the error names") + ", then run `slipway"
                            + " status`", e);
        }
    }

    /** Creates the history tables if they are missing; a role that may not is told so before anything runs. */
    private void createHistory(Connection session) {
        try {
            history.ensureCreated(session);
        } catch (SQLException e) {
            throw SlipwayException.failed("could not create Slipway's history tables in schema " + history.schema()
                    + ": " + UnitRunner.describe(e), "not touched: nothing ran", "let the role create them (GRANT"
                    + " CREATE ON SCHEMA " + history.schema() + ", or ON DATABASE when the schema does not exist yet),"
                    + " or point --history-schema at a schema where it may", e);
        }
    }

    private SlipwayException failedStep(Connection session, StepFailure failure, Unit unit, Version current,
            String command) {
        String state;
        try {
            Optional<HistoryEntry> entry = history.read(session).stream()
                    .filter(e -> e.key().equals(unit.key())).findFirst();
            String at = current == null ? "no version applied" : "at version " + current;
            if ("downgrade".equals(command)) {
                state = at + "; " + unit.script() + entry.map(e -> e.state() == MigrationState.REVERTING
                        ? " partly ran: " + e.stepsDone() + " step(s) done; re-running the downgrade resumes"
                        : " was rolled back, the migration is still applied").orElse(" completed");
            } else {
                state = at + "; " + unit.script() + entry.map(e -> e.state() != MigrationState.PARTIAL ? " is applied"
                        : e.batchLastKey() != null ? " is partly applied: " + e.stepsDone() + " step(s) done, and the"
                                + " batches of step " + (e.stepsDone() + 1) + " committed up to key " + e.batchLastKey()
                                + "; re-running resumes after them"
                        : e.stepsDone() == 0 ? " runs step by step and none of its steps is applied yet"
                        : " is partly applied: " + e.stepsDone() + " step(s) done and recorded; re-running resumes"
                                + " after them").orElse(" was rolled back, nothing of it is applied");
            }
        } catch (SQLException e) {
            state = "unknown (could not read the history: " + e.getMessage() + ")";
        }
        // a downgrade needs its target again (-1, --to V, --base); say so rather than print a command that fails
        String rerun = "downgrade".equals(command) ? "run the same `slipway downgrade` (with the same target) again"
                : "run `slipway " + command + "` again";
        String next;
        if (!failure.waiters().isEmpty()) {
            String waiters = failure.waiters().stream().map(Blocker::describe).collect(Collectors.joining("; "));
            return SlipwayException.failedAt(unit.script() + " was cancelled " + failure.attempts() + " time(s)"
                    + " because other sessions waited behind it longer than max_blocking ("
                    + options.maxBlocking().toMillis() + " ms): " + waiters, failure.where().toString(), state,
                    "make the statement lighter (batch it, add constraints NOT VALID, build indexes CONCURRENTLY;"
                            + " `slipway plan` shows what it locks) or run it when traffic is low, then " + rerun
                            + "; or raise max_blocking in [safety] of slipway.toml (0 turns the limit off)", failure);
        }
        if (failure.isLockTimeout()) {
            String blockers = failure.blockers().isEmpty() ? "another session (not seen while we waited)"
                    : failure.blockers().stream().map(Blocker::describe).collect(Collectors.joining("; "));
            return SlipwayException.failedAt(unit.script() + " could not get its lock within the lock timeout, "
                    + failure.attempts() + " attempt(s); blocked by " + blockers, failure.where().toString(), state,
                    "let that session finish or end it (select pg_terminate_backend(<pid>)), then " + rerun
                            + "; or raise --lock-timeout / --lock-retries", failure);
        }
        next = "fix " + unit.script() + " and " + rerun;
        return SlipwayException.failedAt(failure.getMessage(), failure.where().toString(), state, next, failure);
    }

    /** Reads and plans a migration just before it runs; a mistake in it stops the run before it starts. */
    /** {@return the callbacks' steps, read before anything runs; one that cannot run in one transaction is refused} */
    private List<StepPlanner.Planned> callbacks(List<Unit> callbacks, UnitRunner runner, Version current) {
        List<StepPlanner.Planned> planned = new ArrayList<>();
        for (Unit callback : callbacks) {
            StepPlanner.Planned steps = plan(callback, runner, nothingApplied(current));
            if (steps.whyNotOneTransaction() != null) {
                throw SlipwayException.badInput(ScriptCheck.notInOneTransaction(callback.script(), steps),
                        callback.script(), nothingApplied(current), ScriptCheck.CALLBACK_FIX);
            }
            planned.add(steps);
        }
        return planned;
    }

    private void runCallbacks(Connection session, UnitRunner runner, List<Unit> callbacks,
            List<StepPlanner.Planned> planned, Version current) throws SQLException {
        for (int i = 0; i < callbacks.size(); i++) {
            try {
                runner.runCallback(callbacks.get(i), planned.get(i));
            } catch (StepFailure failure) {
                throw failedStep(session, failure, callbacks.get(i), current, "migrate");
            }
        }
    }

    private static StepPlanner.Planned plan(Unit unit, UnitRunner runner, String databaseState) {
        try {
            return unit.steps().apply(runner.serverMajor());
        } catch (MigrationFormatException e) {
            throw SlipwayException.badInput(e.problem(), e.where().toString(), databaseState,
                    "fix " + unit.script() + " and run the command again");
        } catch (SqlSyntaxException e) {
            throw SlipwayException.badInput(e.getMessage(), unit.script() + ":" + e.line(),
                    databaseState, "fix " + unit.script() + " and run the command again");
        } catch (UncheckedIOException e) {
            throw SlipwayException.badInput("could not read " + unit.script() + ": " + e.getCause().getMessage(),
                    unit.script(), databaseState, "check the file and run the command again");
        }
    }

    /**
     * A partly applied migration whose file changed resumes only if the steps that ran are as they were: the usual
     * fix after a failed step is to correct that step, and refusing it would leave no way forward.
     */
    private void checkStepsThatRan(Unit unit, StepPlanner.Planned planned, HistoryEntry partial, Version current) {
        if (Objects.equals(partial.checksum(), unit.checksum())) return;
        int done = partial.stepsDone();
        if (done == 0 || Objects.equals(partial.stepsChecksum(), Step.checksumOf(planned.steps(), done))) {
            listener.on(new ApplyEvent.Note(unit.script(), "the file changed since the run that stopped after step "
                    + done + "; the " + done + " step(s) that ran are unchanged, so this run resumes after them"));
            return;
        }
        throw SlipwayException.badInput(unit.script() + " changed after it was partly applied on "
                + partial.appliedAt() + ": its first " + done + " step(s) ran, and they are not the same now",
                unit.script(), nothingApplied(current), "put back the statements that ran (see `git log -p "
                        + unit.script() + "`), change only what comes after them, and run the command again");
    }

    private static String nothingApplied(Version current) {
        return (current == null ? "no version applied" : "at version " + current) + "; nothing applied by this run";
    }

    private static void refuseOnProblems(List<Problem> problems, Version current, String command) {
        if (problems.isEmpty()) return;
        String what = problems.stream().map(Problem::message).collect(Collectors.joining("\n  "));
        String files = problems.stream().flatMap(p -> p.files().stream()).distinct()
                .collect(Collectors.joining(", "));
        String next = problems.stream().map(Problem::fix).map(fix -> fix.endsWith(".") ? fix.substring(0,
                fix.length() - 1) : fix).distinct().collect(Collectors.joining("; "));
        throw SlipwayException.badInput(command + " refused: " + what, files,
                nothingApplied(current), next);
    }

    private static int backendPid(Connection session) throws SQLException {
        try (Statement query = session.createStatement();
             ResultSet rows = query.executeQuery("select pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /**
     * Gives the session the run's timeouts once, so a migration's transaction needs no round trip to set them unless
     * a directive asks for others, and asks the server to check the client's socket while a statement runs: a runner
     * killed mid-statement otherwise leaves its backend running that statement to the end, holding the runner lock
     * and the migration's table locks all the while; with the check the server ends it within a second of the kill
     * (settable from PostgreSQL 14 on).
     */
    private void prepareSession(Connection session, int major) throws SQLException {
        try (Statement set = session.createStatement()) {
            set.execute("set lock_timeout = '" + options.lockTimeout().toMillis() + "ms'; set statement_timeout = '"
                    + options.statementTimeout().toMillis() + "ms'"
                    + (major >= 14 ? "; set client_connection_check_interval = '1s'" : ""));
        }
    }

    /**
     * Puts back the settings a run changes for the whole session, so that a connection from the application's pool
     * goes back with the timeouts the application gets on every other connection.
     */
    private static void resetSettings(Connection session, int major) {
        try (Statement reset = session.createStatement()) {
            reset.execute("reset lock_timeout; reset statement_timeout"
                    + (major >= 14 ? "; reset client_connection_check_interval" : ""));
        } catch (SQLException e) {
            // the session is closed next; a pool drops a connection that fails like this
        }
    }

    private static int serverMajor(Connection session) throws SQLException {
        try (Statement query = session.createStatement();
             ResultSet rows = query.executeQuery("select current_setting('server_version_num')::int / 10000")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Work done while holding the runner lock. */
    @FunctionalInterface
    private interface LockedWork<T> {
        T run(Connection session, UnitRunner runner) throws SQLException;
    }

    /** Changes to the history that are recorded together or not at all. */
    @FunctionalInterface
    private interface HistoryWork {
        void run() throws SQLException;
    }

    /** Runs {@code work} in one transaction of {@code session}: committed when it returns, else rolled back. */
    private static void inOneTransaction(Connection session, HistoryWork work) throws SQLException {
        session.setAutoCommit(false);
        try {
            work.run();
            session.commit();
        } catch (SQLException | RuntimeException e) {
            session.rollback();
            throw e;
        } finally {
            session.setAutoCommit(true);
        }
    }
}
