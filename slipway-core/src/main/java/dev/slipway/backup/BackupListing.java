package dev.slipway.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * The backups in a backup directory, newest first.
 *
 * @param directory  the folder that was read
 * @param backups    the backups whose manifests could be read, newest first
 * @param unreadable manifests that could not be read, each with the reason
 */
public record BackupListing(Path directory, List<StoredBackup> backups, List<String> unreadable) {
    /** Copies the lists. */
    public BackupListing {
        backups = List.copyOf(backups);
        unreadable = List.copyOf(unreadable);
    }
}
