package dev.slipway.backup;

import dev.slipway.SlipwayException;
import dev.slipway.apply.RunnerLock;
import dev.slipway.config.BackupFormat;
import dev.slipway.db.ConnectionSpec;
import dev.slipway.db.ServerVersion;
import dev.slipway.history.Actor;
import dev.slipway.history.HistoryTable;
import dev.slipway.migration.Version;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Restores one backup into the target database with {@code pg_restore --clean --if-exists}: in one transaction
 * for the custom format, with {@code --jobs} for the directory format. Before anything is touched it checks the
 * confirmation against {@code current_database()}, that the backup is of this database, its checksum and that
 * {@code pg_restore} can read it. Not thread-safe; one per run.
 */
final class Restorer {
    private final BackupContext context;
    private final BackupListener listener;

    Restorer(BackupContext context, BackupListener listener) {
        this.context = context;
        this.listener = listener;
    }

    /** The database as it is before the restore. */
    private record Target(String database, ServerVersion server, String revision) {
    }

    /** What the checks of the backup's files found: the pg_restore to use, and what the archive holds. */
    private record Readable(ClientTool pgRestore, ArchiveToc.Listing listing) {
    }

    RestoreResult run(RestoreRequest request) {
        long started = System.nanoTime();
        ConnectionSpec spec = context.requireSpec("a restore");
        // connecting is the slowest step before the restore (a new JVM loads the driver, SCRAM hashes): it starts
        // first and reads or changes nothing until every check below has passed
        CompletableFuture<Connection> connecting = CompletableFuture.supplyAsync(() -> context.connections().open());
        try {
            return run(request, spec, connecting, started);
        } finally {
            // also when a check of the manifest refused the restore before the connection was taken
            connecting.thenAccept(Restorer::closeQuietly);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing twice or on a broken connection: nothing to do
        }
    }

    private RestoreResult run(RestoreRequest request, ConnectionSpec spec, CompletableFuture<Connection> connecting,
            long started) {
        // "latest" is looked up by the database the URL names; checkBackup compares it with current_database()
        StoredBackup backup = find(request.backup(), spec.database());
        BackupManifest manifest = backup.manifest();
        checkRequest(request, backup);
        boolean oneTransaction = manifest.format() == BackupFormat.CUSTOM;
        // the files are checked while connecting, which waits on the server; nothing is touched before the checks
        // against the database, the checksum and pg_restore's reading of the archive have all passed. Hashing a
        // large dump is the longest of them, so it starts first.
        CompletableFuture<Void> checksum = CompletableFuture.runAsync(() -> Integrity.check(backup, request.jobs()));
        try (Cleanup cleanup = new Cleanup();
             ClientEnvironment environment = ClientEnvironment.create(spec, context.environment())) {
            cleanup.add(environment::close);
            ClientTools tools = context.tools();
            CompletableFuture<Readable> readable = CompletableFuture.supplyAsync(() -> {
                ClientTool pgRestore = tools.find("pg_restore", major(manifest.pgDumpVersion()),
                        "to read backup " + manifest.id() + ", written by pg_dump " + manifest.pgDumpVersion());
                ArchiveToc.Listing listing = ArchiveToc.list(pgRestore, backup.location(), environment);
                return new Readable(pgRestore, listing);
            });
            try (Connection connection = await(connecting)) {
                Target target = target(connection);
                checkBackup(request, backup, target, spec);
                checkConfirmation(request, backup, target, spec);
                takeRunnerLock(connection, backup, request);
                listener.on(new BackupEvent.Step("checking the SHA-256 of " + backup.location() + " ("
                        + manifest.size() + " bytes)"));
                await(checksum);
                Readable archive = await(readable);
                if (archive.listing().exitCode() != 0) {
                    throw SlipwayException.badInput(backup.location() + " is not an archive pg_restore can read: "
                            + archive.listing().failure(), backup.manifestFile().toString(),
                            "restore another backup");
                }
                ClientTool pgRestore = archive.pgRestore();
                List<Leftover> leftovers = manifest.partial() ? List.of()
                        : leftovers(connection, archive.listing());
                if (!leftovers.isEmpty()) {
                    listener.on(new BackupEvent.Step("dropping what the backup does not hold (created after it): "
                            + String.join(", ", leftovers.stream().map(Leftover::describe).toList())));
                }
                listener.on(new BackupEvent.Step("restoring " + manifest.id() + " into " + target.database()
                        + " with " + pgRestore.describe() + (oneTransaction ? " in one transaction"
                        : " with " + request.jobs() + " job(s)")));
                String failure = oneTransaction
                        ? restoreInOneTransaction(pgRestore, tools, backup, leftovers, spec, environment, cleanup)
                        : restoreWithJobs(pgRestore, backup, request.jobs(), leftovers, connection, spec,
                        environment, cleanup);
                if (failure != null) {
                    throw SlipwayException.failed("the restore of " + manifest.id() + " failed: " + failure,
                            oneTransaction ? "unchanged: the restore ran in one transaction, which was rolled back"
                                    : "partly restored (a directory-format restore is not one transaction)",
                            next(manifest, oneTransaction), null);
                }
                recordInAuditTrail(connection, request, manifest, target, started);
                String revisionAfter = Revision.of(connection, context.historySchema());
                return new RestoreResult(manifest.id(), target.database(), spec.host(), target.revision(),
                        revisionAfter, manifest.revision(), manifest.partial(), oneTransaction,
                        leftovers.stream().map(Leftover::describe).toList(), pgRestore.version(),
                        Duration.ofNanos(System.nanoTime() - started));
            } catch (SQLException e) {
                throw SlipwayException.failed("could not read the database: " + e.getMessage(), "unknown; run"
                        + " `slipway status`", "check the connection and run the restore again", e);
            } finally {
                // a refusal leaves the file checks running; they only read
                checksum.cancel(false);
                readable.cancel(false);
            }
        }
    }

    /**
     * Appends the restore to the audit trail of the restored database, when it has one: the trail came back with
     * the backup, so without this row it would not tell that anything happened since the backup was taken (nor,
     * after a deploy's rollback, what failed).
     */
    private void recordInAuditTrail(Connection connection, RestoreRequest request, BackupManifest manifest,
            Target target, long started) throws SQLException {
        HistoryTable history = new HistoryTable(context.historySchema());
        if (!history.exists(connection)) return;
        String detail = "restored backup " + manifest.id() + " (taken at revision " + manifest.revisionOrNone()
                + " on " + manifest.createdAt() + "); the database was at revision "
                + (target.revision() == null ? "none" : target.revision()) + " before"
                + (request.reason() == null ? "" : "; " + request.reason());
        Version revision = manifest.revision() == null ? null : Version.parse(manifest.revision());
        long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        history.audit(connection, new HistoryTable.AuditRecord("restore", revision, "backup " + manifest.id(),
                manifest.file(), null, "success", detail, Actor.current(),
                Instant.now().minusMillis(tookMs), tookMs));
    }

    /**
     * Takes the runner lock, so no migration runs while the restore does, and, unless the restore is a deploy's
     * rollback, keeps deploys out too; a restore that finds either held is refused before anything is touched,
     * naming the session that holds it.
     */
    private void takeRunnerLock(Connection connection, StoredBackup backup, RestoreRequest request)
            throws SQLException {
        Optional<RunnerLock.LockHolder> holder = RunnerLock.tryTake(connection, context.historySchema(),
                request.deployStep() ? RunnerLock.Role.DEPLOY_STEP : RunnerLock.Role.ON_ITS_OWN);
        if (holder.isEmpty()) return;
        String running = holder.get().deploy() ? "a deploy is running on this database: " + holder.get().describe()
                + "; a restore must wait until it has verified or rolled back"
                : "another Slipway run holds the migration lock on this database: " + holder.get().describe()
                + "; a restore must not run while migrations change the database";
        throw SlipwayException.failed(running, "not touched by this restore", holder.get().waitForIt()
                + ", then restore " + backup.id() + " again", null);
    }

    /** Waits for a check of the files; its failure is thrown as it is. */
    private static <T> T await(CompletableFuture<T> check) {
        try {
            return check.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }

    /**
     * {@return the backup a reference names; {@code latest} is the newest whole-database backup of {@code database}
     * taken from the host and port of the target, so neither a partial backup nor another server's database of the
     * same name is picked by accident}
     */
    StoredBackup find(String reference, String database) {
        if (!"latest".equals(reference)) return context.directory().resolve(reference);
        ConnectionSpec spec = context.requireSpec("finding the latest backup");
        return context.directory().list().backups().stream()
                .filter(b -> b.manifest().database().equals(database) && b.location() != null
                        && !b.manifest().partial() && spec.host().equals(b.manifest().host())
                        && spec.port() == b.manifest().port())
                .findFirst()
                .orElseThrow(() -> SlipwayException.badInput("there is no whole-database backup of " + database
                        + " on " + spec.host() + ":" + spec.port() + " in " + context.directory().root(), "latest",
                        "run `slipway backups` to see what there is, and name the backup by its id"));
    }

    private static String next(BackupManifest manifest, boolean oneTransaction) {
        if (manifest.partial()) {
            return "a partial backup can only replace tables that no table or view outside it depends on; if"
                    + " pg_restore names such a dependency, back those up together (--tables) or restore a"
                    + " whole-database backup";
        }
        return oneTransaction ? "fix the cause pg_restore names (often objects created after the backup that depend"
                + " on restored ones) and run the restore again"
                : "fix the cause and run the restore again, or restore another backup";
    }

    private Target target(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("select pg_catalog.current_database()")) {
            rows.next();
            return new Target(rows.getString(1), ServerVersion.of(connection),
                    Revision.of(connection, context.historySchema()));
        }
    }

    /** The checks that need only the manifest. */
    private static void checkRequest(RestoreRequest request, StoredBackup backup) {
        BackupManifest manifest = backup.manifest();
        if (manifest.format() == BackupFormat.NONE) {
            throw SlipwayException.badInput("backup " + manifest.id() + " has no dump: only the backup command ran ("
                    + (manifest.command() == null ? "none recorded" : manifest.command().command()) + ")",
                    backup.manifestFile().toString(), "restore it with the tools of whatever that command made");
        }
        if (request.jobs() > 1 && manifest.format() == BackupFormat.CUSTOM) {
            throw SlipwayException.badInput("--jobs " + request.jobs() + " needs a directory-format backup; "
                    + manifest.id() + " is custom format, which is restored in one transaction", "--jobs",
                    "leave --jobs out");
        }
    }

    private static void checkBackup(RestoreRequest request, StoredBackup backup, Target target, ConnectionSpec spec) {
        BackupManifest manifest = backup.manifest();
        if (!manifest.database().equals(target.database()) && !request.allowOtherDatabase()) {
            throw SlipwayException.badInput("backup " + manifest.id() + " was taken of database "
                    + manifest.database() + " on " + manifest.host() + ", not of " + target.database() + " on "
                    + spec.host(), backup.manifestFile().toString(), "restore a backup of " + target.database()
                    + ", or pass --allow-other-database if you mean to copy " + manifest.database() + " into it");
        }
    }

    private static void checkConfirmation(RestoreRequest request, StoredBackup backup, Target target,
            ConnectionSpec spec) {
        String where = target.database() + " on " + spec.host() + ":" + spec.port();
        if (request.confirmation() == null) {
            throw SlipwayException.badInput("a restore replaces the data in " + where + " with backup "
                    + backup.id() + ", so it needs the database name as confirmation", "restore",
                    "type the name at the prompt, or pass --confirm " + target.database()
                            + " (--yes is not enough)");
        }
        if (!request.confirmation().equals(target.database())) {
            throw SlipwayException.badInput("the confirmation '" + request.confirmation() + "' does not name the"
                    + " database the restore would replace (" + where + ")", "--confirm", "check --url or --env,"
                    + " then confirm with the database name");
        }
    }

    /** A table or view in the database that the backup does not define, e.g. created by a later migration. */
    private record Leftover(String schema, String name, String kind) {
        String describe() {
            return schema + "." + name;
        }

        String drop() {
            return "drop " + kind + " if exists " + BackupTable.quote(schema) + "." + BackupTable.quote(name)
                    + " cascade";
        }
    }

    /**
     * Tables and views that a whole-database backup does not define. {@code --clean} drops only what the backup
     * holds, and would fail on a table that one of these references or a view of these selects from, so they are
     * dropped first, in the same transaction where the format allows.
     */
    private static List<Leftover> leftovers(Connection connection, ArchiveToc.Listing listing) throws SQLException {
        List<Leftover> leftovers = new ArrayList<>();
        try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(
                "select n.nspname, c.relname, case c.relkind when 'v' then 'view' when 'm' then 'materialized view'"
                        + " when 'f' then 'foreign table' else 'table' end"
                        + " from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                        + " where c.relkind in ('r', 'p', 'v', 'm', 'f') and n.nspname <> 'information_schema'"
                        + " and n.nspname !~ '^pg_' and not exists (select 1 from pg_catalog.pg_depend d"
                        + " where d.classid = 'pg_catalog.pg_class'::regclass and d.objid = c.oid"
                        + " and d.deptype = 'e') order by 1, 2")) {
            while (rows.next()) {
                BackupTable relation = new BackupTable(rows.getString(1), rows.getString(2), null);
                if (!listing.defines(relation)) {
                    leftovers.add(new Leftover(relation.schema(), relation.name(), rows.getString(3)));
                }
            }
        }
        return leftovers;
    }

    /**
     * Custom format: {@code pg_restore --clean --if-exists --single-transaction} straight into the database; or, when
     * something must be dropped first, pg_restore's script piped into {@code psql --single-transaction} after the
     * drops, so the drops are undone too if the restore fails.
     *
     * @return the failure message, or null on success
     */
    private static String restoreInOneTransaction(ClientTool pgRestore, ClientTools tools, StoredBackup backup,
            List<Leftover> leftovers, ConnectionSpec spec, ClientEnvironment environment, Cleanup cleanup) {
        if (leftovers.isEmpty()) {
            ToolRun run = ToolRun.start(pgRestore, arguments(BackupFormat.CUSTOM, 1, true, spec.libpqUri(),
                    backup.location()), environment, false);
            cleanup.add(run::stop);
            int exitCode = run.await();
            return exitCode == 0 ? null : run.failure(exitCode);
        }
        ClientTool psql = psql(tools, pgRestore);
        List<String> psqlArguments = new ArrayList<>(List.of("--no-psqlrc", "--quiet", "--no-password",
                "--set=ON_ERROR_STOP=1", "--single-transaction"));
        psqlArguments.add("--command=" + String.join("; ", leftovers.stream().map(Leftover::drop).toList()));
        psqlArguments.add("--file=-");
        psqlArguments.add("--dbname=" + spec.libpqUri());
        List<ToolRun> runs = ToolRun.piped(pgRestore, List.of("--clean", "--if-exists", "--file=-",
                backup.location().toString()), psql, psqlArguments, environment);
        runs.forEach(run -> cleanup.add(run::stop));
        int psqlExit = runs.get(1).await();
        int restoreExit = runs.get(0).await();
        if (psqlExit != 0) return runs.get(1).failure(psqlExit);
        return restoreExit == 0 ? null : runs.get(0).failure(restoreExit);
    }

    /**
     * Directory format: the drops commit first, then {@code pg_restore --jobs}, which cannot run in one transaction.
     *
     * @return the failure message, or null on success
     */
    private static String restoreWithJobs(ClientTool pgRestore, StoredBackup backup, int jobs,
            List<Leftover> leftovers, Connection connection, ConnectionSpec spec, ClientEnvironment environment,
            Cleanup cleanup) throws SQLException {
        if (!leftovers.isEmpty()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (Leftover leftover : leftovers) {
                    statement.execute(leftover.drop());
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        ToolRun run = ToolRun.start(pgRestore, arguments(BackupFormat.DIRECTORY, jobs, true, spec.libpqUri(),
                backup.location()), environment, false);
        cleanup.add(run::stop);
        int exitCode = run.await();
        return exitCode == 0 ? null : run.failure(exitCode);
    }

    /** {@return the psql of pg_restore's installation: pg_restore's scripts may use commands only it knows} */
    private static ClientTool psql(ClientTools tools, ClientTool pgRestore) {
        return tools.find("psql", pgRestore.major(), "to run pg_restore " + pgRestore.version()
                + "'s script after dropping what the backup does not hold");
    }

    /** {@return the arguments of a pg_restore run into {@code databaseUri}} */
    static List<String> arguments(BackupFormat format, int jobs, boolean clean, String databaseUri, Path archive) {
        List<String> arguments = new ArrayList<>(List.of("--no-password", "--exit-on-error"));
        if (clean) {
            arguments.add("--clean");
            arguments.add("--if-exists");
        }
        if (format == BackupFormat.CUSTOM) {
            arguments.add("--single-transaction");
        } else {
            arguments.add("--jobs=" + jobs);
        }
        arguments.add("--dbname=" + databaseUri);
        arguments.add(archive.toString());
        return arguments;
    }

    private static int major(String version) {
        return Integer.parseInt(version.split("\\.")[0]);
    }
}
