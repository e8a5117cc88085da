package dev.slipway.backup;

import dev.slipway.config.BackupFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What is known about one backup, written as JSON next to it ({@code <id>.json}).
 *
 * @param id             the backup's name, {@code <database>-<revision>-<UTC timestamp>}
 * @param format         how it was dumped
 * @param file           the dump's file or folder name next to the manifest; null when only a command ran
 * @param database       the database dumped
 * @param host           the host connected to
 * @param port           the port connected to
 * @param user           the user connected as
 * @param serverVersion  the server's version, e.g. {@code 15.18}
 * @param pgDumpVersion  the version of the {@code pg_dump} that wrote it; null when only a command ran
 * @param revision       the newest applied migration version in the dump's snapshot; null when none was applied
 * @param createdAt      when the dump started
 * @param duration       how long dumping and verifying took
 * @param size           the dump's size in bytes (all files for the directory format)
 * @param sha256         the SHA-256 of the dump file, or for the directory format of the lines
 *                       {@code <sha256>  <file>} of its files in name order; null when only a command ran
 * @param files          the SHA-256 of each file of a directory-format dump by name; empty otherwise
 * @param slipwayVersion the Slipway version that made it
 * @param tables         the tables whose rows it holds
 * @param requestedTables the tables asked for with {@code --tables}; empty for a whole-database backup
 * @param verification   how it was checked
 * @param command        how the configured command ran; null when none is configured
 */
public record BackupManifest(String id, BackupFormat format, String file, String database, String host, int port,
        String user, String serverVersion, String pgDumpVersion, String revision, Instant createdAt,
        Duration duration, long size, String sha256, Map<String, String> files, String slipwayVersion,
        List<BackupTable> tables, List<String> requestedTables, Verification verification, CommandRecord command) {

    /** Checks the required parts and copies the collections. */
    public BackupManifest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(verification, "verification");
        // the JSON keeps milliseconds; a manifest read back equals the one written
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        duration = Duration.ofMillis(duration.toMillis());
        files = Collections.unmodifiableMap(new TreeMap<>(files));
        tables = List.copyOf(tables);
        requestedTables = List.copyOf(requestedTables);
        if (format != BackupFormat.NONE && (file == null || sha256 == null || pgDumpVersion == null)) {
            throw new IllegalArgumentException("a " + format.configName() + " backup needs a file, a checksum and"
                    + " the pg_dump version");
        }
    }

    /** {@return whether it holds only some tables ({@code --tables})} */
    public boolean partial() {
        return !requestedTables.isEmpty();
    }

    /** {@return the revision as messages show it: the version, or {@code none}} */
    public String revisionOrNone() {
        return revision == null ? "none" : revision;
    }

    /** {@return the manifest as the JSON written next to the backup} */
    public String toJson() {
        return ManifestJson.write(this);
    }

    /** {@return a copy with the record of the command} */
    BackupManifest withCommand(CommandRecord newCommand) {
        return new BackupManifest(id, format, file, database, host, port, user, serverVersion, pgDumpVersion,
                revision, createdAt, duration, size, sha256, files, slipwayVersion, tables, requestedTables,
                verification, newCommand);
    }
}
