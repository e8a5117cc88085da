package dev.slipway.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code [backup]} section: where backups go, how many are kept, and how they are made.
 *
 * @param directory where backups and their manifests are written; relative paths are relative to the working
 *     directory
 * @param keep how many backups of one database to keep; older ones are removed after a successful backup; 0 keeps all
 * @param command a shell command run after the dump (or instead of it with format {@code none}), e.g. a cloud
 *     snapshot; it sees {@code SLIPWAY_BACKUP_ID}, {@code SLIPWAY_BACKUP_FILE} and the PG* variables of the target
 * @param format what pg_dump writes
 * @param binDir where {@code pg_dump} and {@code pg_restore} are; when empty they are looked for on {@code PATH},
 *     then under {@code /usr/lib/postgresql/*}{@code /bin}
 */
public record BackupConfig(Path directory, int keep, Optional<String> command, BackupFormat format,
                           Optional<Path> binDir) {
    /** The default directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of("backups");

    /** Checks the values. */
    public BackupConfig {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(binDir, "binDir");
        if (directory.toString().isBlank()) throw new ConfigException("backup.directory is empty");
        if (keep < 0) throw new ConfigException("backup.keep is negative: " + keep);
        if (command.isPresent() && command.get().isBlank()) throw new ConfigException("backup.command is empty");
        if (format == BackupFormat.NONE && command.isEmpty()) {
            throw new ConfigException("backup.format is \"none\" but there is no backup.command to run instead of"
                    + " pg_dump; set backup.command or use format \"custom\"");
        }
    }

    /** {@return the defaults: directory {@code backups}, keep all, custom format, no command, tools found on PATH} */
    public static BackupConfig defaults() {
        return new BackupConfig(DEFAULT_DIRECTORY, 0, Optional.empty(), BackupFormat.CUSTOM, Optional.empty());
    }

    /** {@return a copy with another directory} */
    public BackupConfig withDirectory(Path newDirectory) {
        return new BackupConfig(newDirectory, keep, command, format, binDir);
    }

    /** {@return a copy that keeps another number of backups (0: all)} */
    public BackupConfig withKeep(int newKeep) {
        return new BackupConfig(directory, newKeep, command, format, binDir);
    }

    /** {@return a copy with another command (null for none)} */
    public BackupConfig withCommand(String newCommand) {
        return new BackupConfig(directory, keep, Optional.ofNullable(newCommand), format, binDir);
    }

    /** {@return a copy with another format} */
    public BackupConfig withFormat(BackupFormat newFormat) {
        return new BackupConfig(directory, keep, command, newFormat, binDir);
    }

    /** {@return a copy that takes pg_dump and pg_restore from {@code newBinDir} (null: search PATH)} */
    public BackupConfig withBinDir(Path newBinDir) {
        return new BackupConfig(directory, keep, command, format, Optional.ofNullable(newBinDir));
    }
}
