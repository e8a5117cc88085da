package dev.slipway.cli;

import dev.slipway.ExitStatus;
import dev.slipway.Slipway;
import dev.slipway.SlipwayBuilder;
import dev.slipway.SlipwayException;
import dev.slipway.deploy.TargetInfo;
import dev.slipway.backup.BackupManifest;
import dev.slipway.backup.RestoreRequest;
import dev.slipway.backup.RestoreResult;
import dev.slipway.backup.StoredBackup;
import java.io.Console;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slipway restore ID|PATH|latest}: replaces the database's data with a backup. It always needs the database
 * name, typed at the prompt or given with {@code --confirm}; {@code --yes} is never enough.
 */
@Command(name = "restore", description = "Restore a backup with pg_restore --clean --if-exists (one transaction for"
        + " the custom format). Always asks for the database name: typed at the prompt, or --confirm DBNAME.")
final class RestoreCommand extends BaseCommand {
    private static final DateTimeFormatter TAKEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Parameters(index = "0", paramLabel = "ID|PATH|latest",
            description = "A backup id from `slipway backups`, the path of a dump or manifest, or latest.")
    String backup;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "pg_restore processes (directory format).")
    Integer jobs;

    @Option(names = "--allow-other-database",
            description = "Allow a backup taken of a database with another name (e.g. production into staging).")
    boolean allowOtherDatabase;

    @Mixin
    BackupDirectoryOption backupDirectory;

    @Override
    void customize(SlipwayBuilder builder) {
        backupDirectory.applyTo(builder);
    }

    @Override
    public Integer call() {
        if (jobs != null && jobs < 1) throw SlipwayException.badInput("--jobs must be 1 or more", "--jobs", "e.g. 2");
        Slipway slipway = slipway();
        String confirmation = options().confirm;
        Console console = System.console();
        if (confirmation == null && console != null && !options().json()) {
            confirmation = ask(console, slipway);
        }
        RestoreRequest request = RestoreRequest.of(backup, confirmation).withJobs(jobs == null ? 1 : jobs)
                .withAllowOtherDatabase(allowOtherDatabase);
        BackupProgress progress = new BackupProgress(spec.commandLine().getOut(), options(), console != null);
        RestoreResult result = slipway.restore(request, progress);
        progress.endLine();
        if (output().json()) {
            output().document(result);
            return ExitStatus.OK.code();
        }
        output().line("restored " + result.backupId() + " into " + result.database() + " on " + result.host()
                + " in " + result.took().toMillis() + " ms" + (result.oneTransaction() ? " (one transaction)" : ""));
        if (!result.dropped().isEmpty()) {
            output().line("  dropped, not in the backup: " + String.join(", ", result.dropped()));
        }
        String before = result.revisionBefore() == null ? "none" : result.revisionBefore();
        String after = result.revisionAfter() == null ? "none" : result.revisionAfter();
        if (result.partial()) {
            output().line("  revision: " + after + " (the backup holds only some tables; the history was not"
                    + " restored)");
        } else {
            output().line("  revision: " + before + " -> " + after);
            if (!before.equals(after)) {
                output().line("  the database is at revision " + after + " now: roll the application code back to"
                        + " the release that matches it");
            }
        }
        return ExitStatus.OK.code();
    }

    /** Shows what would be replaced and reads the database name from the terminal. */
    private String ask(Console console, Slipway slipway) {
        StoredBackup found = slipway.findBackup(backup);
        BackupManifest manifest = found.manifest();
        TargetInfo target = slipway.target();
        String typed = console.readLine("restore backup %s%n  (revision %s, taken %s, %s, %s format%s)%n"
                        + "into database %s on %s (PostgreSQL %s), now at revision %s%s.%n"
                        + "This replaces the data in %s with the backup's%s.%n"
                        + "Type the database name to continue: ",
                manifest.id(), manifest.revisionOrNone(), TAKEN.format(manifest.createdAt()),
                Sizes.human(manifest.size()), manifest.format().configName(),
                manifest.partial() ? ", tables " + String.join(", ", manifest.requestedTables()) : "",
                target.database(), target.host(), target.serverVersion(),
                target.current() == null ? "none" : target.current(),
                target.environment() == null ? "" : " (environment " + target.environment()
                        + (target.protectedEnvironment() ? ", protected" : "") + ")",
                target.database(), manifest.partial() ? " for those tables"
                        : "; tables and views created since the backup are dropped");
        return typed == null ? null : typed.strip();
    }
}
