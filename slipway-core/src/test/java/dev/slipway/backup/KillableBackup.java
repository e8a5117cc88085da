package dev.slipway.backup;

import dev.slipway.Slipway;
import java.nio.file.Path;

/**
 * A backup in a JVM of its own, for tests that kill it: {@code KillableBackup BACKUP_DIR MIGRATIONS}, the URL (with
 * its password) in the variable {@code SLIPWAY_TEST_URL}. Prints {@code kept <id>} when the backup is done.
 */
public final class KillableBackup {
    private KillableBackup() {
    }

    public static void main(String[] args) {
        BackupResult made = Slipway.configure().url(System.getenv("SLIPWAY_TEST_URL")).locations(args[1])
                .backupDirectory(Path.of(args[0])).load().backup(BackupRequest.wholeDatabase(), BackupListener.NONE);
        System.out.println("kept " + made.backup().id());
    }
}
