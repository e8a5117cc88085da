package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.ExitStatus;
import dev.slipway.SlipwayBuilder;
import dev.slipway.backup.BackupListing;
import dev.slipway.backup.BackupManifest;
import dev.slipway.backup.StoredBackup;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code slipway backups}: the backups in the backup directory with their manifests. */
@Command(name = "backups", description = "List the backups in the backup directory, newest first.")
final class BackupsCommand extends BaseCommand {
    private static final DateTimeFormatter TAKEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Mixin
    BackupDirectoryOption backupDirectory;

    @Override
    void customize(SlipwayBuilder builder) {
        backupDirectory.applyTo(builder);
    }

    @Override
    public Integer call() {
        BackupListing listing = slipway().backups();
        if (output().json()) {
            ObjectNode document = BackupCommand.Json.MAPPER.createObjectNode();
            document.put("directory", listing.directory().toString());
            ArrayNode backups = document.putArray("backups");
            for (StoredBackup backup : listing.backups()) {
                ObjectNode entry = BackupCommand.manifestTree(backup.manifest());
                entry.put("manifestFile", backup.manifestFile().toString());
                entry.put("location", backup.location() == null ? null : backup.location().toString());
                backups.add(entry);
            }
            document.putPOJO("unreadable", listing.unreadable());
            document.putPOJO("swept", listing.swept().stream().map(Object::toString).toList());
            output().document(document);
            return ExitStatus.OK.code();
        }
        output().line(listing.backups().size() + " backup(s) in " + listing.directory());
        if (!listing.backups().isEmpty()) {
            output().line(String.format("  %-44s %-19s %-9s %-10s %-9s %-10s %s", "ID", "TAKEN (UTC)", "REVISION",
                    "SIZE", "FORMAT", "CHECKED", "NOTE"));
        }
        for (StoredBackup backup : listing.backups()) {
            BackupManifest m = backup.manifest();
            String note = (m.partial() ? "tables " + String.join(", ", m.requestedTables()) : "")
                    + (m.command() == null ? "" : (m.partial() ? "; " : "") + "command exit " + m.command().exitCode());
            output().line(String.format("  %-44s %-19s %-9s %-10s %-9s %-10s %s", m.id(), TAKEN.format(m.createdAt()),
                    m.revisionOrNone(), m.format().configName().equals("none") ? "-" : Sizes.human(m.size()),
                    m.format().configName(), m.verification().name().toLowerCase(), note));
        }
        for (String problem : listing.unreadable()) {
            output().line("  unreadable: " + problem);
        }
        for (Path partial : listing.swept()) {
            output().line("  removed " + partial + ", left by a backup that was killed");
        }
        return ExitStatus.OK.code();
    }
}
