package dev.slipway.backup;

import dev.slipway.SlipwayException;
import dev.slipway.config.BackupConfig;
import dev.slipway.db.ConnectionSpec;
import dev.slipway.db.DatabaseUnavailableException;
import dev.slipway.db.Environment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Backups of one database, and restores into it.
 * <pre>{@code
 * Backups backups = Backups.of(Optional.of(spec), BackupConfig.defaults(), "public", Environment.system());
 * BackupResult made = backups.backup(BackupRequest.wholeDatabase(), BackupListener.NONE);
 * backups.restore(RestoreRequest.of(made.backup().id(), spec.database()), BackupListener.NONE);
 * }</pre>
 * <p>Immutable; each call runs on its own connections and processes, so one instance may be shared, though two
 * backups at once write two dumps and a restore during a backup is the caller's to avoid. Every failure is a
 * {@link SlipwayException}: bad usage (exit 2) when it is found before anything ran, e.g. a missing or too old
 * {@code pg_dump}, an unwritable backup folder, a damaged backup, a wrong confirmation.
 */
public final class Backups {
    private final BackupContext context;

    private Backups(BackupContext context) {
        this.context = context;
    }

    /**
     * {@return backups of the database {@code spec} connects to}
     *
     * @param spec          where and as whom to connect; empty allows only {@link #list()}
     * @param config        the {@code [backup]} section
     * @param historySchema the schema of Slipway's history tables, where the revision is read
     * @param environment   the variables {@code pg_dump} and {@code pg_restore} inherit, {@code PATH} among them
     */
    public static Backups of(Optional<ConnectionSpec> spec, BackupConfig config, String historySchema,
            Environment environment) {
        return new Backups(new BackupContext(spec, config, historySchema, environment));
    }

    /** Dumps the database, verifies the dump, writes its manifest, runs the configured command, applies retention. */
    public BackupResult backup(BackupRequest request, BackupListener listener) {
        return connected(() -> new Dumper(context, listener).run(request));
    }

    /**
     * {@return the backups in the backup directory, newest first; reads no database} Partial dumps left by backups
     * that were killed are removed first (see {@link BackupListing#swept()}); those of running backups are not.
     */
    public BackupListing list() {
        BackupDirectory directory = context.directory();
        List<Path> swept;
        try {
            swept = directory.sweep();
        } catch (IOException e) {
            throw SlipwayException.badInput("could not read the backup directory " + directory.root() + ": "
                    + BackupDirectory.reason(e), "[backup] directory = \"" + directory.root() + "\"",
                    "check its permissions, or give another --directory");
        }
        return directory.list().withSwept(swept);
    }

    /**
     * {@return the backup {@code reference} names, without checking its checksum}
     *
     * @param reference an id, a path, or {@code latest} (the newest backup of the target database, which is read)
     */
    public StoredBackup find(String reference) {
        if (!"latest".equals(reference)) return context.directory().resolve(reference);
        return connected(() -> new Restorer(context, BackupListener.NONE).find(reference,
                context.requireSpec("finding the latest backup").database()));
    }

    /** Replaces the data in the database with a backup; see {@link RestoreRequest} for what it checks first. */
    public RestoreResult restore(RestoreRequest request, BackupListener listener) {
        return connected(() -> new Restorer(context, listener).run(request));
    }

    private static <T> T connected(Supplier<T> work) {
        try {
            return work.get();
        } catch (DatabaseUnavailableException e) {
            throw SlipwayException.failed(e.getMessage(), "not touched (no connection)",
                    "check the URL, the password (PGPASSWORD or ~/.pgpass) and that the server is reachable", e);
        }
    }
}
