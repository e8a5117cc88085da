package dev.slipway;

import dev.slipway.apply.ApplyEvent;
import dev.slipway.apply.ApplyListener;
import dev.slipway.apply.ApplyOptions;
import dev.slipway.apply.BaselineResult;
import dev.slipway.apply.DowngradeResult;
import dev.slipway.apply.DowngradeTarget;
import dev.slipway.apply.MigrateResult;
import dev.slipway.apply.Migrator;
import dev.slipway.apply.RepairResult;
import dev.slipway.apply.RunnerLock;
import dev.slipway.apply.ScriptCheck;
import dev.slipway.apply.SessionOpener;
import dev.slipway.apply.StampResult;
import dev.slipway.apply.StatusReport;
import dev.slipway.backup.BackupListener;
import dev.slipway.backup.BackupListing;
import dev.slipway.backup.BackupRequest;
import dev.slipway.backup.BackupResult;
import dev.slipway.backup.Backups;
import dev.slipway.backup.RestoreRequest;
import dev.slipway.backup.RestoreResult;
import dev.slipway.backup.StoredBackup;
import dev.slipway.db.ConnectionFactory;
import dev.slipway.db.ConnectionSpec;
import dev.slipway.db.DatabaseUnavailableException;
import dev.slipway.db.Environment;
import dev.slipway.db.ServerVersion;
import dev.slipway.deploy.DeployListener;
import dev.slipway.deploy.DeployOptions;
import dev.slipway.deploy.DeployReport;
import dev.slipway.deploy.DeploySteps;
import dev.slipway.deploy.Deployment;
import dev.slipway.deploy.TargetInfo;
import dev.slipway.history.AuditEntry;
import dev.slipway.lint.PlanOptions;
import dev.slipway.lint.PlanReport;
import dev.slipway.lint.Planner;
import dev.slipway.migration.Location;
import dev.slipway.migration.MigrationException;
import dev.slipway.migration.MigrationSet;
import dev.slipway.migration.Problem;
import dev.slipway.migration.ProblemType;
import dev.slipway.migration.Scaffold;
import dev.slipway.migration.ScanResult;
import dev.slipway.migration.SkippedFile;
import dev.slipway.migration.Version;
import dev.slipway.sandbox.MigratedSchema;
import dev.slipway.sandbox.PlanTrace;
import dev.slipway.sandbox.RoundTrip;
import dev.slipway.sandbox.RoundTripReport;
import dev.slipway.sandbox.Sandbox;
import dev.slipway.sandbox.ScratchDatabase;
import dev.slipway.schema.SchemaComparison;
import dev.slipway.schema.SchemaDdl;
import dev.slipway.schema.SchemaFilter;
import dev.slipway.schema.SchemaModel;
import dev.slipway.schema.SchemaReader;
import dev.slipway.config.BackupFormat;
import dev.slipway.config.EnvironmentConfig;
import dev.slipway.config.RollbackPolicy;
import java.io.IOException;
import java.nio.file.Files;
import dev.slipway.migration.MigrationScript;
import dev.slipway.verify.RowCountSnapshot;
import dev.slipway.verify.Verifier;
import dev.slipway.verify.VerifyCheck;
import dev.slipway.verify.VerifyOptions;
import dev.slipway.verify.VerifyReport;
import dev.slipway.verify.VerifySession;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Slipway as a library: applies, reverts and reports the migrations of one database.
 * <pre>{@code
 * Slipway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
 * }</pre>
 * <p>Built once by {@link SlipwayBuilder#load()}, which scans the locations; immutable afterwards. Each operation
 * opens its own session, so one instance may be shared between threads; operations that write serialise on the
 * database's runner lock. Every failure is a {@link SlipwayException}.
 */
public final class Slipway {
    private final Settings settings;
    private final Supplier<ScanResult> scanner;
    private volatile Migrations migrations;

    /**
     * @param scanner reads the locations; called once, by the first method that needs the migrations, so that
     *                backups, restores and listings do not wait for a scan of every file, nor fail on a file they
     *                never use
     */
    Slipway(Settings settings, Supplier<ScanResult> scanner) {
        this.settings = settings;
        this.scanner = scanner;
    }

    /** What the locations hold, and the runner built on it. */
    private record Migrations(ScanResult scan, MigrationSet set, Migrator migrator) {
    }

    private Migrations migrations() {
        Migrations read = migrations;
        if (read != null) return read;
        synchronized (this) {
            if (migrations == null) {
                ScanResult scan = scanner.get();
                MigrationSet set = MigrationSet.of(scan);
                migrations = new Migrations(scan, set, Migrator.create(this::openGuarded, set, settings.apply(),
                        settings.listener()));
            }
            return migrations;
        }
    }

    private ScanResult scan() {
        return migrations().scan();
    }

    private MigrationSet set() {
        return migrations().set();
    }

    private Migrator migrator() {
        return migrations().migrator();
    }

    /** {@return a builder} */
    public static SlipwayBuilder configure() {
        return new SlipwayBuilder();
    }

    /** {@return the settings this instance runs with} */
    public Settings settings() {
        return settings;
    }

    /** Applies every pending migration, then new or changed repeatable ones. */
    public MigrateResult migrate() {
        return migrate(null);
    }

    /** Applies pending migrations up to and including {@code target}. */
    public MigrateResult migrate(Version target) {
        refuseInvalidSet();
        noteFlywayCallbacks();
        return guarded(() -> migrator().migrate(target));
    }

    /** Says of each Flyway callback script in the locations that it does not run, before a run that skips it. */
    private void noteFlywayCallbacks() {
        scan().skipped().stream().filter(SkippedFile::flywayCallback)
                .forEach(file -> settings.listener().on(new ApplyEvent.Note(file.path(), file.path() + " is "
                        + file.reason())));
    }

    /** Reverts applied migrations with their down migrations. */
    public DowngradeResult downgrade(DowngradeTarget target) {
        refuseInvalidSet();
        return guarded(() -> migrator().downgrade(target));
    }

    /** {@return how every migration stands; reads only} */
    public StatusReport status() {
        return guarded(migrator()::status);
    }

    /** {@return the audit trail, oldest first; reads only} */
    public List<AuditEntry> history() {
        return guarded(migrator()::history);
    }

    /** Records the database as being at {@code version} without running anything. */
    public StampResult stamp(Version version) {
        refuseInvalidSet();
        return guarded(() -> migrator().stamp(version));
    }

    /**
     * Accepts the files of applied migrations as they are now, where they changed after they ran (Flyway's
     * {@code repair}): records their checksum, with an audit row each, and runs nothing.
     *
     * A file whose statements are not those that ran (more changed than comments, whitespace or the case of words)
     * is refused; see {@link #repair(List, boolean)}.
     *
     * @param versions the versions whose file to accept; none: every applied migration whose file changed
     */
    public RepairResult repair(Version... versions) {
        return repair(List.of(versions), false);
    }

    /**
     * As {@link #repair(Version...)}, accepting files whose statements changed too when
     * {@code acceptChangedStatements}.
     */
    public RepairResult repair(List<Version> versions, boolean acceptChangedStatements) {
        refuseInvalidSet();
        return guarded(() -> migrator().repair(versions, acceptChangedStatements));
    }

    /** Adopts an existing database: imports a Flyway history, or records {@code version} as the baseline. */
    public BaselineResult baseline(Version version) {
        refuseInvalidSet();
        return guarded(() -> migrator().baseline(version));
    }

    /** {@return the database this instance changes: host, name, server version and current version} */
    public TargetInfo target() {
        String environment = settings.environment().map(EnvironmentConfig::name).orElse(null);
        boolean protectedEnvironment = settings.environment().map(EnvironmentConfig::protectedEnvironment)
                .orElse(false);
        return guarded(() -> {
            try (Connection session = openGuarded(); Statement query = session.createStatement();
                 ResultSet rows = query.executeQuery("select coalesce(host(inet_server_addr()), 'local socket'),"
                         + " current_database(), current_setting('server_version')")) {
                rows.next();
                return new TargetInfo(environment, protectedEnvironment, rows.getString(1), rows.getString(2),
                        rows.getString(3), status().current());
            } catch (SQLException e) {
                throw SlipwayException.failed("could not read the target database: " + e.getMessage(),
                        "not touched", "check the connection", e);
            }
        });
    }

    /**
     * Checks the confirmation for a change to a protected environment: it must name the target database.
     * Unprotected targets need none.
     *
     * @param typed the database name the user gave (with {@code --confirm} or at a prompt), or null
     * @throws SlipwayException with {@link ExitStatus#USAGE} when the target is protected and {@code typed} does
     *                          not name its database
     */
    public void confirm(TargetInfo target, String typed) {
        target.checkConfirmation(typed);
    }

    /**
     * Backs the database up with {@code pg_dump} into the backup directory, with a manifest, verification and
     * retention; see {@link Backups#backup}. Needs a URL: pg_dump connects on its own.
     */
    public BackupResult backup(BackupRequest request, BackupListener listener) {
        return backupsOfTarget().backup(request, listener);
    }

    /** {@return the backups in the backup directory, newest first; connects to nothing} */
    public BackupListing backups() {
        return backupsOfTarget().list();
    }

    /** {@return the backup an id, path or {@code latest} names, unchecked; for showing it before a restore} */
    public StoredBackup findBackup(String reference) {
        return backupsOfTarget().find(reference);
    }

    /**
     * Replaces the database's data with a backup, after checking the confirmation, the backup's checksum and that
     * it is of this database; see {@link Backups#restore}.
     */
    public RestoreResult restore(RestoreRequest request, BackupListener listener) {
        return backupsOfTarget().restore(request, listener);
    }

    private Backups backupsOfTarget() {
        Optional<ConnectionSpec> spec = settings.connection().flatMap(ConnectionSource::spec);
        return Backups.of(spec, settings.backup(), settings.apply().historySchema(), Environment.system());
    }

    /** {@return the newest version among the migration files, if there is any} */
    public java.util.Optional<Version> latestVersion() {
        return set().latestVersion();
    }

    /**
     * {@return the plan's limits for this project: the defaults, with {@code max_blocking} from its settings, so that
     * the plan warns about the same statements the runner's watchdog would cancel}
     */
    public PlanOptions planOptions() {
        Duration maxBlocking = settings.apply().maxBlocking();
        return maxBlocking.isZero() ? PlanOptions.defaults() : PlanOptions.defaults().withMaxBlocking(maxBlocking);
    }

    /**
     * {@return what {@code migrate} would run, annotated from the live database; reads only}
     * Each pending statement, in the order it would run, with the locks it takes on which relations, whether it
     * rewrites or destroys, the live size of what it touches, an estimate of how long it blocks others, the lint
     * findings (judged for the connected server's version), and where today's rows would make it fail.
     *
     * @param target the last version to include, or null for every pending migration and changed repeatable
     * @param options limits for the estimates and the checks of today's rows
     */
    public PlanReport plan(Version target, PlanOptions options) {
        return plan(target, options, null);
    }

    /**
     * {@return {@link #plan(Version, PlanOptions)}, traced: each pending statement also runs, in order, on a scratch
     * database of {@code sandbox} that holds the migrations the target has applied, and what it locked and rewrote
     * there replaces the model's guess where the two differ (see {@link PlanTrace}); the target is only read}
     *
     * @param sandbox where to make the scratch database, or null for no trace
     */
    public PlanReport plan(Version target, PlanOptions options, Sandbox sandbox) {
        refuseInvalidSet();
        StatusReport status = status();
        return guarded(() -> {
            try (Connection session = openGuarded()) {
                PlanReport plan = Planner.plan(session, PlanInputs.of(set(), status, target), options);
                if (sandbox == null || plan.migrations().isEmpty()) return plan;
                return Planner.withTrace(plan, trace(plan, status, sandbox), Planner.sizesOf(session), options);
            } catch (SQLException e) {
                throw SlipwayException.failed("could not read the target database for the plan: " + e.getMessage(),
                        "not touched (the plan only reads)", "check the connection and run `slipway plan` again", e);
            }
        });
    }

    /** {@return what each pending statement did on a scratch database migrated as the target is} */
    private List<List<PlanReport.Observation>> trace(PlanReport plan, StatusReport status, Sandbox sandbox) {
        AppliedMigrations applied = AppliedMigrations.of(status);
        try (ScratchDatabase scratch = sandbox.newDatabase()) {
            MigratedSchema.of(scan(), settings.apply()).only(applied.versions(), applied.repeatables())
                    .migrate(scratch);
            try (Connection session = scratch.connect()) {
                return PlanTrace.observe(session, plan);
            } catch (SQLException e) {
                throw SlipwayException.failed("could not trace the plan in " + scratch + ": " + e.getMessage(),
                        "the target was not touched", "run `slipway plan` without --trace, or check --dev-url", e);
            }
        }
    }

    /** {@return the version of the target's server, for a {@link Sandbox} of the same major} */
    public ServerVersion serverVersion() {
        return guarded(() -> {
            try (Connection session = openGuarded()) {
                return ServerVersion.of(session);
            } catch (SQLException e) {
                throw SlipwayException.failed("could not read the server version of the target: " + e.getMessage(),
                        "not touched", "check the connection", e);
            }
        });
    }

    /**
     * {@return a {@code verify} check named {@code drift} that runs {@link #drift(Sandbox)} in a sandbox from
     * {@code sandboxes} (given the target's server version, closed after the check)}
     * Add it with {@link VerifyOptions#withCheck}; it fails when the schema drifted or the expected schema could not
     * be built.
     */
    public VerifyCheck driftCheck(Function<ServerVersion, Sandbox> sandboxes) {
        return new DriftCheck(this, sandboxes);
    }

    /**
     * Compares the live database with the schema its applied migrations produce, built in a scratch database of
     * {@code sandbox}: exactly the versions and repeatable migrations the history lists as applied, from the files
     * as they are now. The history tables are left out of both. Reads only, on the target.
     *
     * @param sandbox where to build the expected schema; best of the target's major version. The caller closes it.
     * @return the differences, empty when there is no drift
     * @throws SlipwayException when the target has no history, or a migration fails in the scratch database
     */
    public DriftReport drift(Sandbox sandbox) {
        refuseInvalidSet();
        return drift(sandbox, status());
    }

    /** {@link #drift(Sandbox)} for a caller that has just read the status, as {@code verify} has. */
    DriftReport drift(Sandbox sandbox, StatusReport status) {
        String database = settings.connection().map(ConnectionSource::describe).orElse("the target");
        if (!status.historyTable()) {
            throw SlipwayException.badInput("no Slipway history in " + database + ": drift compares the database"
                    + " with the migrations it has applied, and it has applied none", null,
                    "to compare it with every migration file, run `slipway diff --from <url> --to migrations`;"
                            + " to adopt it, `slipway baseline`");
        }
        AppliedMigrations applied = AppliedMigrations.of(status);
        SchemaModel expected = MigratedSchema.of(scan(), settings.apply())
                .only(applied.versions(), applied.repeatables()).build(sandbox, SchemaFilter.allSchemas());
        SchemaModel live = readSchema("the target database for drift");
        return new DriftReport(database, status.current(), ComparedObjects.count(expected, live),
                SchemaComparison.compare(expected, live), applied.notes(), sandbox.toString());
    }

    /**
     * {@return the schema every migration file produces on an empty database, built in a scratch database of
     * {@code sandbox}; connects to nothing else}
     *
     * @throws SlipwayException when the files contradict each other, or a migration fails in the scratch database
     */
    public SchemaModel migrationsSchema(Sandbox sandbox) {
        refuseInvalidSet();
        return MigratedSchema.of(scan(), settings.apply()).build(sandbox, SchemaFilter.allSchemas());
    }

    /**
     * {@return the round trip of every versioned migration in a scratch database of {@code sandbox}: up, down and up
     * again, the schema compared after each; connects to nothing else}
     *
     * @throws SlipwayException when the files contradict each other, or the scratch database cannot be made or read;
     *     a migration that fails to apply is a step of the report
     */
    public RoundTripReport roundTrip(Sandbox sandbox) {
        refuseInvalidSet();
        return RoundTrip.of(scan(), settings.apply()).run(sandbox);
    }

    /**
     * {@return the round trip, in a sandbox {@code sandboxes} opens only once the files have been checked, and
     * which is closed afterwards}: files that contradict each other are refused before a local cluster is started
     *
     * @param sandboxes opens the sandbox; called at most once
     */
    public RoundTripReport roundTrip(Supplier<Sandbox> sandboxes) {
        refuseInvalidSet();
        try (Sandbox sandbox = sandboxes.get()) {
            return RoundTrip.of(scan(), settings.apply()).run(sandbox);
        }
    }

    /**
     * Compares two schemas, each a live database or the schema the migration files produce, and prints the DDL
     * between them both ways. Reads only; a scratch database for the migrations' side comes from {@code sandboxes},
     * asked at most once with the server version of the database side (else of the target), and closed here.
     *
     * @param from      the schema as it is
     * @param to        the schema as it should be
     * @param sandboxes opens a sandbox of (ideally) the given server version
     * @return the differences and the DDL; {@link DiffReport#same()} when there are none
     * @throws SlipwayException with {@link ExitStatus#USAGE} when both sides are the migrations, or a database side
     *     cannot be reached
     */
    public DiffReport diff(SchemaSource from, SchemaSource to, Function<ServerVersion, Sandbox> sandboxes) {
        if (from instanceof SchemaSource.Migrations && to instanceof SchemaSource.Migrations) {
            throw SlipwayException.badInput("--from and --to both name the migrations: there is nothing to compare",
                    "--from, --to", "compare the migrations with a database, e.g. --from migrations --to <url>");
        }
        Map<SchemaSource, SchemaModel> models = new HashMap<>();
        ServerVersion version = null;
        for (SchemaSource side : List.of(from, to)) {
            if (side instanceof SchemaSource.Database database) {
                DatabaseSchema read = readDatabase(database);
                models.put(side, read.model());
                if (version == null) version = read.version();
            }
        }
        if (from instanceof SchemaSource.Migrations || to instanceof SchemaSource.Migrations) {
            if (version == null) version = serverVersion();
            try (Sandbox sandbox = sandboxes.apply(version)) {
                models.put(new SchemaSource.Migrations(), migrationsSchema(sandbox));
            }
        }
        SchemaModel first = models.get(from);
        SchemaModel second = models.get(to);
        return new DiffReport(from.describe(), to.describe(), ComparedObjects.count(first, second),
                SchemaComparison.compare(first, second), SchemaDdl.between(first, second),
                SchemaDdl.between(second, first));
    }

    /**
     * Refuses to write a migration whose DDL starts from anything but the migrations' schema.
     * <p>A new V file runs after the existing migrations, on every database built from them; DDL computed from
     * another schema (a live database with changes made by hand, another environment) would fail there, or change
     * the wrong things.
     *
     * @param from the {@code --from} side of a diff
     * @throws SlipwayException with {@link ExitStatus#USAGE} unless {@code from} is the migrations
     */
    public static void requireWritableFrom(SchemaSource from) {
        if (!(from instanceof SchemaSource.Migrations)) refuseWriteFrom(from.describe());
    }

    private static void refuseWriteFrom(String from) {
        throw SlipwayException.badInput("--write saves DDL that starts from the migrations' schema, and this diff"
                + " starts from " + from + ": as a new migration it would run on every database built from the"
                + " migrations, where that starting point does not exist", "--write", "to capture changes made by"
                + " hand, run `slipway diff --from migrations --to <url> --write`; to undo them on that database,"
                + " run the printed DDL there by hand");
    }

    /**
     * Writes {@code report}'s DDL as a new migration in the first location, numbered after the newest there as
     * {@code slipway new} numbers: a V file turning {@code from} into {@code to}, and a U file turning it back.
     *
     * @param report      what {@link #diff} found; it must have differences
     * @param description what the migration does, for the file names
     * @return the version and the two files
     * @throws SlipwayException with {@link ExitStatus#USAGE} when the first location is not a folder, or the files
     *     cannot be written
     */
    public Scaffold.Written writeMigration(DiffReport report, String description) {
        if (report.same()) throw new IllegalArgumentException("no differences: there is nothing to write");
        if (!report.from().equals(new SchemaSource.Migrations().describe())) refuseWriteFrom(report.from());
        String first = settings.locations().isEmpty() ? "db/migration" : settings.locations().get(0);
        Location location;
        try {
            location = Location.parse(first);
        } catch (IllegalArgumentException | MigrationException e) {
            throw SlipwayException.badInput(e.getMessage(), "locations", "give a folder such as db/migration");
        }
        if (!(location instanceof Location.Filesystem folder)) {
            throw SlipwayException.badInput("cannot write a migration into " + first + ": it is not a folder",
                    "--locations", "put a folder first, e.g. --locations src/main/resources/db/migration");
        }
        String header = "-- Written by `slipway diff`: turns " + report.from() + " into " + report.to() + ".\n"
                + "-- Review it before committing: renames show as a drop and an add.\n";
        String undoHeader = "-- Written by `slipway diff`: turns " + report.to() + " back into " + report.from()
                + ".\n";
        try {
            Scaffold.Written written = Scaffold.write(folder.dir(), new Scaffold.Request(description, false, false),
                    LocalDateTime.now());
            Files.writeString(written.files().get(0), header + report.forward().text());
            Files.writeString(written.files().get(1), undoHeader + report.backward().text());
            return written;
        } catch (IOException e) {
            throw SlipwayException.badInput("could not write the migration into " + folder.dir() + ": "
                    + e.getMessage(), folder.dir().toString(), "check the folder and its permissions");
        }
    }

    private DatabaseSchema readDatabase(SchemaSource.Database database) {
        String where = database.option() == null || database.option().isBlank() ? database.describe()
                : database.option();
        try (Connection session = ConnectionFactory.of(database.spec()).open()) {
            return new DatabaseSchema(ServerVersion.of(session), SchemaReader.read(session,
                    SchemaFilter.allSchemas()));
        } catch (DatabaseUnavailableException e) {
            throw SlipwayException.badInput(e.getMessage(), where, "check the URL, the password (PGPASSWORD or"
                    + " ~/.pgpass) and that the server is reachable");
        } catch (SQLException e) {
            throw SlipwayException.failed("could not read the schema of " + database.describe() + ": "
                    + e.getMessage(), "not touched (reading only)", "check that the role may read the catalog", e);
        }
    }

    /** A database's schema and the version of its server. */
    private record DatabaseSchema(ServerVersion version, SchemaModel model) {
    }

    /** {@return the live schema of the target, every user schema, history tables left out; reads only} */
    public SchemaModel liveSchema() {
        return readSchema("the target database's schema");
    }

    private SchemaModel readSchema(String what) {
        return guarded(() -> {
            try (Connection session = openGuarded()) {
                return SchemaReader.read(session, SchemaFilter.allSchemas());
            } catch (SQLException e) {
                throw SlipwayException.failed("could not read " + what + ": " + e.getMessage(),
                        "not touched (reading only)", "check that the role may read the catalog", e);
            }
        });
    }

    /**
     * {@return whether the database is what it should be after a deploy; reads only}
     * The revision (the newest migration with nothing pending, failed or partial, or {@code options.expect()}), the
     * smoke checks ({@code checks/*.sql} and the {@code .check.sql} files next to migrations), and the integrity
     * checks (invalid indexes, NOT VALID constraints, sequences behind their column, orphaned rows along the
     * logical foreign keys, row counts against the snapshot), then the extra checks of {@code options}. Failed
     * checks are in the report, not thrown.
     *
     * @throws SlipwayException with {@link ExitStatus#USAGE} for an unknown check name or a check file that is not
     *                          a list of queries (before connecting), or a check query with a syntax error
     */
    public VerifyReport verify(VerifyOptions options) {
        List<String> scripts = scan().scripts().stream().map(MigrationScript::location).toList();
        Verifier verifier = Verifier.prepare(settings.verify(), scan().checks(), scripts, options);
        StatusReport status = status();
        return guarded(() -> {
            try (Connection session = openGuarded()) {
                return verifier.run(session, status, settings.apply().historySchema());
            } catch (SQLException e) {
                throw SlipwayException.failed("could not verify the database: " + e.getMessage(),
                        "not changed (verify only reads)", "check the connection and run `slipway verify` again", e);
            }
        });
    }

    /**
     * Counts the rows of every table exactly and writes the counts to the snapshot folder, for {@link #verify} to
     * compare with after a deploy; reads only from the database.
     *
     * @return the file written
     */
    public Path snapshotRowCounts() {
        StatusReport status = status();
        return guarded(() -> {
            try (Connection session = openGuarded()) {
                VerifySession reader = new VerifySession(session, settings.verify().statementTimeout());
                RowCountSnapshot snapshot = RowCountSnapshot.take(reader, settings.apply().historySchema(),
                        status.current() == null ? null : status.current().toString());
                return snapshot.write(settings.verify().snapshotDirectory());
            } catch (SQLException e) {
                throw SlipwayException.failed("could not count the rows for the snapshot: " + e.getMessage(),
                        "not changed (the snapshot only reads)", "raise [verify] statement_timeout if a count timed"
                                + " out, and run `slipway verify --snapshot` again", e);
            }
        });
    }

    /**
     * Runs the whole runbook on the target: preflight ({@link #validate}), the plan gate, the confirmation of a
     * protected environment, a backup, a row-count snapshot, the environment's before-hooks, {@link #migrate},
     * {@link #verify}, the after-hooks; on a failure from migrating on, the environment's rollback policy
     * ({@code downgrade}, {@code restore} or {@code none}). See {@link Deployment}.
     *
     * @return what happened, with the exit status of its outcome
     * @throws SlipwayException before anything is touched: contradicting files, history problems, an unreachable
     *                          database, a missing or wrong confirmation, {@code --no-backup} with rollback by restore
     */
    public DeployReport deploy(DeployOptions options, DeployListener listener) {
        EnvironmentConfig environment = settings.environment().orElse(null);
        if (environment != null && environment.rollback() == RollbackPolicy.RESTORE
                && settings.backup().format() == BackupFormat.NONE) {
            throw SlipwayException.badInput("environment " + environment.name() + " rolls back by restoring a"
                    + " backup, but [backup] format = \"none\" makes no dump to restore (only its command runs)",
                    "slipway.toml", "set [backup] format to \"custom\" or \"directory\", or rollback = \"downgrade\""
                            + " or \"none\" for environment " + environment.name());
        }
        return Deployment.run(deploySteps(), environment, options, listener);
    }

    /** {@return the deploy lock, held on a session of its own until the handle is closed} */
    private AutoCloseable holdDeployLock() {
        return guarded(() -> {
            try {
                return takeDeployLock();
            } catch (SQLException e) {
                throw SlipwayException.failed("could not take the deploy lock: " + e.getMessage(), "not touched",
                        "check the connection and run the deploy again", e);
            }
        });
    }

    private AutoCloseable takeDeployLock() throws SQLException {
        Connection session = openGuarded();
        Optional<RunnerLock.LockHolder> holder;
        try {
            holder = RunnerLock.tryTakeDeployLock(session, settings.apply().historySchema());
        } catch (SQLException | RuntimeException e) {
            session.close();
            throw e;
        }
        if (holder.isEmpty()) {
            // unlocked before closing: a pooled session outlives its close, and its locks with it
            return () -> {
                try (Statement unlock = session.createStatement()) {
                    unlock.execute("select pg_catalog.pg_advisory_unlock_all()");
                } finally {
                    session.close();
                }
            };
        }
        session.close();
        RunnerLock.LockHolder other = holder.get();
        String running = other.deploy() ? "another deploy is running on this database: " + other.describe()
                : "a Slipway run (migrate, downgrade, restore, stamp, baseline or repair) is running on this database: "
                + other.describe() + "; a deploy starts when nothing else migrates";
        throw SlipwayException.failed(running, "not touched by this deploy", other.waitForIt()
                + ", then run `slipway deploy` again", null);
    }

    /** {@return the deploy's steps, each as this library's own method runs it} */
    private DeploySteps deploySteps() {
        return new DeploySteps() {
            @Override
            public void preflight() {
                ValidationReport report = validate();
                if (report.ok()) return;
                List<Problem> problems = report.problems();
                String what = problems.stream().map(Problem::message).collect(Collectors.joining("\n  "));
                if (problems.stream().anyMatch(p -> p.type() == ProblemType.DATABASE)) {
                    throw SlipwayException.failed("the deploy cannot start: " + what, "not touched",
                            "check the connection (`slipway validate`), then run the deploy again", null);
                }
                throw SlipwayException.badInput("the deploy cannot start, the migrations or the history have"
                        + " problems:\n  " + what, problems.stream().flatMap(p -> p.files().stream()).distinct()
                        .collect(Collectors.joining(", ")), problems.stream().map(Problem::fix).distinct()
                        .collect(Collectors.joining("; ")) + "; `slipway validate` lists them");
            }

            @Override
            public AutoCloseable holdDeployLock() {
                return Slipway.this.holdDeployLock();
            }

            @Override
            public TargetInfo target() {
                return Slipway.this.target();
            }

            @Override
            public PlanReport plan(Version target, Function<ServerVersion, Sandbox> traceIn) {
                if (traceIn == null) return Slipway.this.plan(target, planOptions());
                try (Sandbox sandbox = traceIn.apply(serverVersion())) {
                    return Slipway.this.plan(target, planOptions(), sandbox);
                }
            }

            @Override
            public List<String> pendingWithoutDown(Version target) {
                return status().pending().stream()
                        .filter(entry -> entry.version() != null && (target == null
                                || entry.version().compareTo(target) <= 0))
                        .flatMap(entry -> set().versioned(entry.version()).stream())
                        .filter(versioned -> versioned.undo().isEmpty())
                        .map(versioned -> versioned.migration().location())
                        .toList();
            }

            @Override
            public BackupResult backup(BackupListener listener) {
                return Slipway.this.backup(BackupRequest.wholeDatabase(), listener);
            }

            @Override
            public Path snapshotRowCounts() {
                return Slipway.this.snapshotRowCounts();
            }

            @Override
            public MigrateResult migrate(Version target) {
                refuseInvalidSet();
                noteFlywayCallbacks();
                return guarded(() -> migrator().asDeployStep().migrate(target));
            }

            @Override
            public VerifyReport verify(VerifyOptions options) {
                return Slipway.this.verify(options);
            }

            @Override
            public DowngradeResult downgrade(DowngradeTarget target) {
                refuseInvalidSet();
                return guarded(() -> migrator().asDeployStep().downgrade(target));
            }

            @Override
            public RestoreResult restore(RestoreRequest request, BackupListener listener) {
                return Slipway.this.restore(request.asDeployStep(), listener);
            }
        };
    }

    /** {@return files in the locations that are not migrations, and why} */
    public List<SkippedFile> skippedFiles() {
        return scan().skipped();
    }

    /**
     * Checks the files (names, duplicates, down migrations without an up, SQL syntax, directives) and, when a
     * database is configured, the connection and the history (changed, missing and out-of-order migrations).
     */
    public ValidationReport validate() {
        List<Problem> problems = new ArrayList<>(set().validate());
        problems.addAll(ScriptCheck.check(set()));
        String database;
        if (settings.connection().isEmpty()) {
            database = "not checked: no database given";
        } else {
            try {
                problems.addAll(guarded(migrator()::problems));
                database = "connected to " + settings.connection().get().describe() + "; history checked";
            } catch (SlipwayException e) {
                problems.add(new Problem(ProblemType.DATABASE, e.getMessage().lines().findFirst().orElse(""),
                        List.of(), "check --url and that the server is reachable"));
                database = "not reachable";
            }
        }
        return new ValidationReport(set().size(), problems, scan().skipped(), database);
    }

    /** Files that contradict each other (two with one version, a down without an up) stop every change. */
    private void refuseInvalidSet() {
        List<Problem> problems = set().validate();
        if (problems.isEmpty()) return;
        String what = problems.stream().map(Problem::message).collect(Collectors.joining("\n  "));
        String files = problems.stream().flatMap(p -> p.files().stream()).distinct().collect(Collectors.joining(", "));
        String next = problems.stream().map(Problem::fix).distinct().collect(Collectors.joining("; "));
        throw SlipwayException.badInput("the migrations contradict each other:\n  " + what, files, next
                + "; then run `slipway validate`");
    }

    private Connection openGuarded() throws SQLException {
        return settings.connection().orElseThrow(() -> SlipwayException.badInput("no database to connect to",
                "--url, DATABASE_URL, slipway.toml or PG* variables",
                "pass --url postgresql://user@host:5432/db or set DATABASE_URL")).open();
    }

    private <T> T guarded(Supplier<T> work) {
        try {
            return work.get();
        } catch (DatabaseUnavailableException e) {
            throw SlipwayException.failed(e.getMessage(), "not touched (no connection)",
                    "check the URL, the password (PGPASSWORD or ~/.pgpass) and that the server is reachable", e);
        }
    }

    /** Opens sessions: from a URL, a data source, or the caller's own code. */
    public interface ConnectionSource extends SessionOpener {
        /** {@return a description for messages, never with a password} */
        String describe();

        /**
         * {@return where and as whom to connect, for the PostgreSQL programs ({@code pg_dump}, {@code pg_restore})
         * that connect on their own; empty for a data source}
         */
        default Optional<ConnectionSpec> spec() {
            return Optional.empty();
        }
    }
}
