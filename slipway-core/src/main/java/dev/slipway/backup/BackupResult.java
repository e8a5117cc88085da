package dev.slipway.backup;

import java.time.Duration;
import java.util.List;

/**
 * A backup that was made and kept.
 *
 * @param backup  the backup: its manifest and where it is
 * @param removed ids of older backups removed to keep {@code [backup] keep}
 * @param took    how long the whole run took, the command and retention included
 */
public record BackupResult(StoredBackup backup, List<String> removed, Duration took) {
    /** Copies the list. */
    public BackupResult {
        removed = List.copyOf(removed);
    }
}
