package dev.slipway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.ExitStatus;
import dev.slipway.SlipwayBuilder;
import dev.slipway.SlipwayException;
import dev.slipway.backup.BackupManifest;
import dev.slipway.backup.BackupRequest;
import dev.slipway.backup.BackupResult;
import dev.slipway.backup.Verification;
import dev.slipway.config.BackupFormat;
import dev.slipway.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway backup}: pg_dump into the backup directory, verified, with a manifest. */
@Command(name = "backup", description = "Back the database up with pg_dump: a verified dump and a JSON manifest in"
        + " the backup directory; older backups beyond [backup] keep are removed afterwards.")
final class BackupCommand extends BaseCommand {
    /** Built when a backup is written as JSON, not when the command line starts: a mapper is slow to build. */
    static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @Option(names = "--tables", paramLabel = "TABLE", split = ",",
            description = "Dump only these tables (name or schema.name), comma-separated.")
    List<String> tables;

    @Option(names = {"-F", "--dump-format"}, paramLabel = "FORMAT",
            description = "custom (one file; the default unless [backup] format says otherwise) or directory"
                    + " (a folder; dumped and restored by --jobs processes). --format is the output format.")
    String dumpFormat;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "pg_dump processes (directory format).")
    Integer jobs;

    @Option(names = "--verify-restore",
            description = "Also restore the dump into a scratch database and compare row counts table by table.")
    boolean verifyRestore;

    @Mixin
    BackupDirectoryOption backupDirectory;

    @Override
    void customize(SlipwayBuilder builder) {
        backupDirectory.applyTo(builder);
    }

    @Override
    public Integer call() {
        BackupRequest request = BackupRequest.wholeDatabase().withVerifyRestore(verifyRestore);
        if (tables != null) request = request.withTables(tables.stream().map(String::strip).toList());
        if (dumpFormat != null) request = request.withFormat(format(dumpFormat));
        if (jobs != null) {
            if (jobs < 1) throw SlipwayException.badInput("--jobs must be 1 or more", "--jobs", "e.g. --jobs 2");
            request = request.withJobs(jobs);
        }
        BackupProgress progress = new BackupProgress(spec.commandLine().getOut(), options(),
                System.console() != null);
        BackupResult result = slipway().backup(request, progress);
        progress.endLine();
        BackupManifest manifest = result.backup().manifest();
        if (output().json()) {
            ObjectNode document = Json.MAPPER.createObjectNode();
            document.set("backup", manifestTree(manifest));
            document.put("manifestFile", result.backup().manifestFile().toString());
            document.put("location", result.backup().location() == null ? null
                    : result.backup().location().toString());
            document.putPOJO("removed", result.removed());
            document.put("tookMs", result.took().toMillis());
            output().document(document);
            return ExitStatus.OK.code();
        }
        output().line("backup " + manifest.id() + " of " + manifest.database() + " at revision "
                + manifest.revisionOrNone() + (manifest.partial() ? " (tables " + String.join(", ",
                manifest.requestedTables()) + ")" : ""));
        if (result.backup().location() != null) {
            output().line("  " + result.backup().location() + "  " + Sizes.human(manifest.size()) + ", sha256 "
                    + manifest.sha256());
            int tables = manifest.tables().size();
            output().line("  " + tables + (tables == 1 ? " table, " : " tables, ") + (manifest.verification()
                    == Verification.RESTORED ? "verified by a restore into a scratch database (row counts match)"
                    : "verified by pg_restore --list") + ", pg_dump " + manifest.pgDumpVersion() + ", "
                    + result.took().toMillis() + " ms");
        }
        if (manifest.command() != null) {
            output().line("  command: exit " + manifest.command().exitCode() + " in "
                    + manifest.command().duration().toMillis() + " ms");
        }
        output().line("  manifest " + result.backup().manifestFile());
        for (String removed : result.removed()) {
            output().line("  removed " + removed + " (keep)");
        }
        return ExitStatus.OK.code();
    }

    private static BackupFormat format(String text) {
        try {
            BackupFormat format = BackupFormat.parse(text);
            if (format == BackupFormat.NONE) throw new ConfigException("none is only for [backup] format");
            return format;
        } catch (ConfigException e) {
            throw SlipwayException.badInput("unknown dump format '" + text + "'", "--dump-format",
                    "use -F custom or -F directory");
        }
    }

    /** {@return the manifest as written next to the backup, as a JSON tree} */
    static ObjectNode manifestTree(BackupManifest manifest) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(manifest.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
