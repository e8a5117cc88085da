package dev.slipway.backup;

import java.nio.file.Path;

/**
 * A backup in the backup directory.
 *
 * @param manifestFile where its manifest is
 * @param location     its dump file or folder; null when only a command ran
 * @param manifest     what the manifest says
 */
public record StoredBackup(Path manifestFile, Path location, BackupManifest manifest) {
    /** {@return its id} */
    public String id() {
        return manifest.id();
    }
}
