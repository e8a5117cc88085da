package dev.slipway.backup;

import dev.slipway.SlipwayException;
import dev.slipway.config.BackupFormat;
import dev.slipway.db.ConnectionSpec;
import dev.slipway.db.ServerVersion;
import dev.slipway.history.Actor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Makes one backup: checks everything that can be checked before {@code pg_dump} starts, dumps in the snapshot of
 * a {@link DumpSnapshot}, verifies, renames the dump to its final name, writes the manifest, runs the configured
 * command and applies retention. A failure before the rename leaves nothing behind. Not thread-safe; one per run.
 */
final class Dumper {
    private static final String NOTHING_KEPT = "not touched (a backup only reads); no backup was kept";
    /** How long to wait for pg_dump to write more after a pass over its folder that found little new. */
    private static final long FOLLOW_PAUSE_MILLIS = 50;

    private final BackupContext context;
    private final BackupListener listener;
    private final BackupDirectory directory;

    Dumper(BackupContext context, BackupListener listener) {
        this.context = context;
        this.listener = listener;
        this.directory = context.directory();
    }

    /** The facts of a finished, verified dump that is still under its temporary name. */
    private record Dumped(String id, BackupFormat format, Path temporary, long size, String sha256,
            Map<String, String> files, ClientTool pgDump, ClientTool pgRestore, ServerVersion server,
            String database, String revision, List<BackupTable> tables) {
    }

    /** What pg_dump wrote: its size and checksum, and for the directory format each file's checksum. */
    private record Written(long size, String sha256, Map<String, String> files) {
    }

    BackupResult run(BackupRequest request) {
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        BackupFormat format = request.format().orElse(context.config().format());
        checkRequest(request, format);
        if (format == BackupFormat.NONE && context.config().command().isEmpty()) {
            throw SlipwayException.badInput("format \"none\" means only the backup command runs, but there is none",
                    "[backup] command", "set [backup] command, or choose -F custom or -F directory");
        }
        ConnectionSpec spec = context.requireSpec("a backup");
        directory.prepare();
        sweep();
        try (Cleanup cleanup = new Cleanup();
             ClientEnvironment environment = ClientEnvironment.create(spec, context.environment())) {
            cleanup.add(environment::close);
            Optional<Dumped> dumped = format == BackupFormat.NONE ? Optional.empty()
                    : Optional.of(dump(request, format, spec, environment, cleanup, startedAt));
            if (dumped.isPresent() && request.verifyRestore()) {
                Dumped d = dumped.get();
                new ScratchRestore(context, spec, environment, listener).verify(d.pgRestore(), d.temporary(),
                        d.format(), request.jobs(), d.tables(), d.server());
            }
            BackupManifest manifest = dumped.isPresent()
                    ? manifest(dumped.get(), spec, request, startedAt, Duration.ofNanos(System.nanoTime() - started))
                    : commandOnlyManifest(spec, startedAt);
            StoredBackup stored = keep(dumped, manifest);
            stored = runCommand(stored, environment, spec);
            List<String> removed = prune(stored.manifest());
            return new BackupResult(stored, removed, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw SlipwayException.failed("could not write the backup to " + directory.root() + ": "
                    + BackupDirectory.reason(e), NOTHING_KEPT, "check the backup directory and run `slipway backup`"
                    + " again", e);
        }
    }

    /** Removes what killed backups left; a failure here does not stop this backup. */
    private void sweep() {
        try {
            for (Path partial : directory.sweep()) {
                listener.on(new BackupEvent.Step("removed " + partial + ", left by a backup that was killed"));
            }
        } catch (IOException e) {
            listener.on(new BackupEvent.Step("warning: could not remove what killed backups left in "
                    + directory.root() + ": " + BackupDirectory.reason(e)));
        }
    }

    private static void checkRequest(BackupRequest request, BackupFormat format) {
        if (request.jobs() > 1 && format != BackupFormat.DIRECTORY) {
            throw SlipwayException.badInput("--jobs " + request.jobs() + " needs the directory format: pg_dump writes"
                    + " a custom-format file from one process", "--jobs", "add -F directory, or leave --jobs out");
        }
        if (format == BackupFormat.NONE && (request.verifyRestore() || !request.tables().isEmpty())) {
            throw SlipwayException.badInput("with [backup] format = \"none\" only the backup command runs; there is no"
                    + " dump to " + (request.verifyRestore() ? "verify" : "limit to some tables"),
                    "[backup] format", "choose -F custom or -F directory");
        }
    }

    private Dumped dump(BackupRequest request, BackupFormat format, ConnectionSpec spec,
            ClientEnvironment environment, Cleanup cleanup, Instant startedAt) throws IOException {
        // asking the programs for their versions takes a few process starts: overlap them with connecting
        CompletableFuture<ClientTools> found = CompletableFuture.supplyAsync(() -> {
            ClientTools tools = context.tools();
            tools.candidates("pg_dump");
            tools.candidates("pg_restore");
            return tools;
        });
        try (Connection connection = context.connections().open()) {
            List<BackupTable> requested = resolve(connection, request.tables());
            for (String dependent : Tables.dependentsOutside(connection, requested)) {
                listener.on(new BackupEvent.Step("warning: " + dependent + ", which is not in the backup; a restore"
                        + " of it cannot replace that table (include both in --tables, or back up everything)"));
            }
            try (DumpSnapshot snapshot = DumpSnapshot.export(connection, context.historySchema())) {
                ServerVersion server = snapshot.server();
                ClientTools tools = found.join();
                ClientTool pgDump = tools.find("pg_dump", server.major(), "to dump PostgreSQL " + server + " ("
                        + spec.host() + ":" + spec.port() + "/" + snapshot.database() + ")");
                ClientTool pgRestore = tools.find("pg_restore", pgDump.major(), "to read what pg_dump "
                        + pgDump.version() + " writes");
                String id = directory.newId(snapshot.database(), snapshot.revision(), startedAt);
                Path temporary = directory.createTemporary(id, format);
                cleanup.add(() -> BackupDirectory.deleteTree(temporary));
                listener.on(new BackupEvent.Step("dumping " + snapshot.database() + " at revision "
                        + (snapshot.revision() == null ? "none" : snapshot.revision()) + " with " + pgDump.describe()
                        + (requested.isEmpty() ? "" : ", tables " + names(requested))));
                List<String> arguments = arguments(format, request.jobs(), snapshot.id(), spec, requested, temporary);
                ToolRun run = ToolRun.start(pgDump, arguments, environment, format == BackupFormat.CUSTOM);
                cleanup.add(run::stop);
                Written written = format == BackupFormat.CUSTOM ? streamed(run, temporary)
                        : folder(run, temporary);
                listener.on(new BackupEvent.Step("verifying with " + pgRestore.describe() + " --list"));
                ArchiveToc.Listing listing = ArchiveToc.list(pgRestore, temporary, environment);
                if (listing.exitCode() != 0) {
                    throw SlipwayException.failed("the dump pg_dump wrote cannot be read back: " + listing.failure(),
                            NOTHING_KEPT, "run `slipway backup` again; if it fails again, report it with the output"
                                    + " of pg_restore --list", null);
                }
                List<BackupTable> tables = listing.held(snapshot.tables());
                if (request.verifyRestore()) {
                    listener.on(new BackupEvent.Step("counting the rows of " + tables.size() + " tables in the dump's"
                            + " snapshot"));
                    tables = snapshot.count(tables);
                }
                return new Dumped(id, format, temporary, written.size(), written.sha256(), written.files(), pgDump,
                        pgRestore, server, snapshot.database(), snapshot.revision(), tables);
            }
        } catch (SQLException e) {
            throw SlipwayException.failed("could not read the database to back it up: " + e.getMessage(),
                    NOTHING_KEPT, "check the connection and the user's rights (it reads every table)", e);
        }
    }

    private static List<BackupTable> resolve(Connection connection, List<String> names) throws SQLException {
        List<BackupTable> tables = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            Tables.find(connection, name).ifPresentOrElse(tables::add, () -> missing.add(name));
        }
        if (!missing.isEmpty()) {
            throw SlipwayException.badInput("no such table: " + String.join(", ", missing), "--tables",
                    "name existing tables as name or schema.name (quote mixed-case names: '\"Name\"')");
        }
        return tables;
    }

    private static List<String> arguments(BackupFormat format, int jobs, String snapshot, ConnectionSpec spec,
            List<BackupTable> tables, Path temporary) {
        List<String> arguments = new ArrayList<>(List.of("--format=" + format.configName(), "--no-password",
                "--snapshot=" + snapshot));
        if (format == BackupFormat.DIRECTORY) {
            arguments.add("--jobs=" + jobs);
            arguments.add("--file=" + temporary);
        }
        // quoted, so each names exactly one table: no pattern characters, no case folding
        tables.forEach(table -> arguments.add("--table=" + table.sqlName()));
        arguments.add("--dbname=" + spec.libpqUri());
        return arguments;
    }

    /** Custom format: pg_dump writes to its standard output, which is copied and hashed in one pass. */
    private Written streamed(ToolRun run, Path temporary) {
        StreamedDump.Written written;
        try {
            written = StreamedDump.copy(run.output(), temporary, listener);
        } catch (IOException e) {
            run.stop();
            throw SlipwayException.failed("could not write the backup to " + directory.root() + ": "
                    + BackupDirectory.reason(e) + " (after " + sizeOf(temporary) + ")", NOTHING_KEPT
                    + " (the partial file was removed)", "free space in " + directory.root() + " or set [backup]"
                    + " directory to another disk, then run `slipway backup` again", e);
        }
        awaitSuccess(run);
        return new Written(written.size(), written.sha256(), Map.of());
    }

    /**
     * Directory format: pg_dump writes the files itself; they are hashed as they grow, so they are read once, from
     * the page cache, while pg_dump works, rather than all over again after it.
     */
    private Written folder(ToolRun run, Path temporary) throws IOException {
        long started = System.nanoTime();
        long reported = started;
        FollowedFolder followed = new FollowedFolder(temporary);
        try {
            while (run.process().isAlive()) {
                // a pass reads what pg_dump wrote since the last one; unless that was a lot (the pass fell behind),
                // the next waits a little, so following costs a few passes a second, not a core
                if (followed.pass() < Sha256.CHUNK) run.process().waitFor(FOLLOW_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
                long now = System.nanoTime();
                if (now - reported >= TimeUnit.SECONDS.toNanos(1)) {
                    reported = now;
                    listener.on(new BackupEvent.Progress(followed.bytes(), Duration.ofNanos(now - started)));
                }
            }
        } catch (InterruptedException e) {
            run.stop();
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while pg_dump ran", e));
        } catch (IOException e) {
            run.stop();
            throw e;
        }
        awaitSuccess(run);
        Sha256.FolderSums sums = followed.finish();
        listener.on(new BackupEvent.Progress(sums.size(), Duration.ofNanos(System.nanoTime() - started)));
        return new Written(sums.size(), sums.combined(), sums.files());
    }

    private void awaitSuccess(ToolRun run) {
        int exitCode = run.await();
        if (exitCode != 0) {
            String failure = run.failure(exitCode);
            boolean full = failure.contains("No space left on device") || failure.contains("could not write");
            throw SlipwayException.failed(failure, NOTHING_KEPT + (full ? " (the partial dump was removed)" : ""),
                    full ? "free space in " + directory.root() + " or set [backup] directory to another disk"
                            : "fix the cause pg_dump names and run `slipway backup` again", null);
        }
    }

    private static String sizeOf(Path file) {
        return file.toFile().length() + " bytes";
    }

    private BackupManifest manifest(Dumped dumped, ConnectionSpec spec, BackupRequest request, Instant startedAt,
            Duration took) {
        return new BackupManifest(dumped.id(), dumped.format(), BackupDirectory.dumpName(dumped.id(), dumped.format()),
                dumped.database(), spec.host(), spec.port(), spec.user(), dumped.server().toString(),
                dumped.pgDump().version(), dumped.revision(), startedAt, took, dumped.size(), dumped.sha256(),
                dumped.files(), Actor.current().toolVersion(), dumped.tables(), request.tables(),
                request.verifyRestore() ? Verification.RESTORED : Verification.LISTED, null);
    }

    /** With format {@code none}: the revision and server are read (in a snapshot too) for the manifest. */
    private BackupManifest commandOnlyManifest(ConnectionSpec spec, Instant startedAt) {
        try (Connection connection = context.connections().open();
             DumpSnapshot snapshot = DumpSnapshot.export(connection, context.historySchema())) {
            String id = directory.newId(snapshot.database(), snapshot.revision(), startedAt);
            return new BackupManifest(id, BackupFormat.NONE, null, snapshot.database(), spec.host(), spec.port(),
                    spec.user(), snapshot.server().toString(), null, snapshot.revision(), startedAt, Duration.ZERO, 0,
                    null, Map.of(), Actor.current().toolVersion(), snapshot.tables(), List.of(), Verification.NONE,
                    null);
        } catch (SQLException e) {
            throw SlipwayException.failed("could not read the database: " + e.getMessage(), NOTHING_KEPT,
                    "check the connection", e);
        }
    }

    /** Renames the dump to its final name, then writes the manifest: a complete dump never lacks its final name. */
    private StoredBackup keep(Optional<Dumped> dumped, BackupManifest manifest) throws IOException {
        Path location = null;
        if (dumped.isPresent()) location = directory.publish(dumped.get().temporary(), manifest.file());
        Path manifestFile;
        try {
            manifestFile = directory.writeManifest(manifest);
        } catch (IOException e) {
            // a dump without its manifest cannot be checked or restored by Slipway: remove it
            if (location != null) BackupDirectory.deleteTree(location);
            throw e;
        }
        listener.on(new BackupEvent.Step("kept " + (location == null ? manifestFile : location)));
        return new StoredBackup(manifestFile, location, manifest);
    }

    private StoredBackup runCommand(StoredBackup stored, ClientEnvironment environment, ConnectionSpec spec)
            throws IOException {
        Optional<String> command = context.config().command();
        if (command.isEmpty()) return stored;
        listener.on(new BackupEvent.Step("running the backup command"));
        BackupManifest manifest = stored.manifest();
        Map<String, String> variables = new HashMap<>();
        variables.put("SLIPWAY_BACKUP_ID", manifest.id());
        variables.put("SLIPWAY_BACKUP_FILE", stored.location() == null ? "" : stored.location().toAbsolutePath()
                .toString());
        variables.put("SLIPWAY_BACKUP_MANIFEST", stored.manifestFile().toAbsolutePath().toString());
        variables.put("SLIPWAY_BACKUP_DIRECTORY", directory.root().toAbsolutePath().toString());
        variables.put("SLIPWAY_DATABASE_URL", spec.libpqUri());
        variables.put("SLIPWAY_REVISION", manifest.revisionOrNone());
        variables.put("PGHOST", spec.host());
        variables.put("PGPORT", Integer.toString(spec.port()));
        variables.put("PGDATABASE", spec.database());
        variables.put("PGUSER", spec.user());
        CommandRecord record = ExternalCommand.run(command.get(), environment, variables);
        StoredBackup updated = new StoredBackup(stored.manifestFile(), stored.location(), manifest.withCommand(record));
        directory.writeManifest(updated.manifest());
        if (!record.succeeded()) {
            String kept = stored.location() == null ? "no dump was made (format none)"
                    : "the dump " + stored.location() + " is complete and verified";
            throw SlipwayException.failed("the backup command failed (exit " + record.exitCode() + ")"
                    + (record.output().isEmpty() ? "" : ":\n    " + record.output().replace("\n", "\n    ")),
                    "not touched; " + kept + "; the manifest records the failure; no old backup was removed",
                    "fix [backup] command and run `slipway backup` again", null);
        }
        return updated;
    }

    private List<String> prune(BackupManifest manifest) {
        try {
            List<String> removed = directory.prune(manifest, context.config().keep());
            removed.forEach(id -> listener.on(new BackupEvent.Step("removed old backup " + id + " (keep = "
                    + context.config().keep() + ")")));
            return removed;
        } catch (IOException e) {
            listener.on(new BackupEvent.Step("warning: could not remove old backups: " + BackupDirectory.reason(e)));
            return List.of();
        }
    }

    private static String names(List<BackupTable> tables) {
        return String.join(", ", tables.stream().map(BackupTable::displayName).toList());
    }
}
