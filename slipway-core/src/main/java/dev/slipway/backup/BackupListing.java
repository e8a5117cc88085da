package dev.slipway.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * The backups in a backup directory, newest first.
 *
 * @param directory  the folder that was read
 * @param backups    the backups whose manifests could be read, newest first
 * @param unreadable manifests that could not be read, each with the reason
 * @param swept      partial dumps of backups that were killed while they wrote them, removed while listing
 */
public record BackupListing(Path directory, List<StoredBackup> backups, List<String> unreadable,
        List<Path> swept) {
    /** Copies the lists. */
    public BackupListing {
        backups = List.copyOf(backups);
        unreadable = List.copyOf(unreadable);
        swept = List.copyOf(swept);
    }

    /** {@return a copy that names the partial dumps removed} */
    BackupListing withSwept(List<Path> removed) {
        return new BackupListing(directory, backups, unreadable, removed);
    }
}
