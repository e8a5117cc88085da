package dev.slipway.backup;

import dev.slipway.SlipwayException;
import dev.slipway.config.BackupFormat;
import dev.slipway.db.ConnectionSpec;
import dev.slipway.db.ServerVersion;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    RestoreResult run(RestoreRequest request) {
        long started = System.nanoTime();
        ConnectionSpec spec = context.requireSpec("a restore");
        try (Connection connection = context.connections().open()) {
            Target target = target(connection);
            StoredBackup backup = find(request.backup(), target.database());
            BackupManifest manifest = backup.manifest();
            checkBackup(request, backup, target, spec);
            checkConfirmation(request, backup, target, spec);
            listener.on(new BackupEvent.Step("checking the SHA-256 of " + backup.location() + " (" + manifest.size()
                    + " bytes)"));
            Integrity.check(backup, request.jobs());
            ClientTool pgRestore = context.tools().find("pg_restore", major(manifest.pgDumpVersion()),
                    "to read backup " + manifest.id() + ", written by pg_dump " + manifest.pgDumpVersion());
            boolean oneTransaction = manifest.format() == BackupFormat.CUSTOM;
            try (Cleanup cleanup = new Cleanup();
                 ClientEnvironment environment = ClientEnvironment.create(spec, context.environment())) {
                cleanup.add(environment::close);
                ArchiveToc.Listing listing = ArchiveToc.list(pgRestore, backup.location(), environment);
                if (listing.exitCode() != 0) {
                    throw SlipwayException.badInput(backup.location() + " is not an archive pg_restore can read: "
                            + listing.failure(), backup.manifestFile().toString(), "restore another backup");
                }
                listener.on(new BackupEvent.Step("restoring " + manifest.id() + " into " + target.database() + " with "
                        + pgRestore.describe() + (oneTransaction ? " in one transaction"
                        : " with " + request.jobs() + " job(s)")));
                ToolRun run = ToolRun.start(pgRestore, arguments(manifest.format(), request.jobs(), true,
                        spec.libpqUri(), backup.location()), environment, false);
                cleanup.add(run::stop);
                int exitCode = run.await();
                if (exitCode != 0) {
                    throw SlipwayException.failed("the restore of " + manifest.id() + " failed: "
                            + run.failure(exitCode), oneTransaction
                            ? "unchanged: the restore ran in one transaction, which was rolled back"
                            : "partly restored (a directory-format restore is not one transaction)",
                            oneTransaction ? "fix the cause pg_restore names (often objects created after the backup"
                                    + " that depend on restored ones) and run the restore again"
                                    : "fix the cause and run the restore again, or restore another backup", null);
                }
            }
            String revisionAfter = Revision.of(connection, context.historySchema());
            List<String> leftovers = manifest.partial() ? List.of() : leftovers(connection, manifest);
            return new RestoreResult(manifest.id(), target.database(), spec.host(), target.revision(), revisionAfter,
                    manifest.revision(), manifest.partial(), oneTransaction, leftovers, pgRestore.version(),
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (SQLException e) {
            throw SlipwayException.failed("could not read the database: " + e.getMessage(), "unknown; run `slipway"
                    + " status`", "check the connection and run the restore again", e);
        }
    }

    /** {@return the backup a reference names; {@code latest} is the newest backup of {@code database}} */
    StoredBackup find(String reference, String database) {
        if (!"latest".equals(reference)) return context.directory().resolve(reference);
        return context.directory().list().backups().stream()
                .filter(b -> b.manifest().database().equals(database) && b.location() != null)
                .findFirst()
                .orElseThrow(() -> SlipwayException.badInput("there is no backup of " + database + " in "
                        + context.directory().root(), "latest", "run `slipway backups` to see what there is"));
    }

    private Target target(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("select pg_catalog.current_database()")) {
            rows.next();
            return new Target(rows.getString(1), ServerVersion.of(connection),
                    Revision.of(connection, context.historySchema()));
        }
    }

    private static void checkBackup(RestoreRequest request, StoredBackup backup, Target target, ConnectionSpec spec) {
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

    /** Tables that {@code --clean} leaves because the backup does not hold them, e.g. created after it. */
    private static List<String> leftovers(Connection connection, BackupManifest manifest) throws SQLException {
        Set<String> inBackup = new HashSet<>();
        manifest.tables().forEach(table -> inBackup.add(table.displayName()));
        List<String> leftovers = new ArrayList<>();
        for (BackupTable table : Tables.all(connection)) {
            if (!inBackup.contains(table.displayName())) leftovers.add(table.displayName());
        }
        return leftovers;
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
