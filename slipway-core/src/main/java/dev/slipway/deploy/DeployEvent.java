package dev.slipway.deploy;

import dev.slipway.backup.BackupEvent;

/** Progress of a deploy, as it happens. */
public sealed interface DeployEvent {
    /** A step starts. */
    record Started(String step, String what) implements DeployEvent {
    }

    /** A step ended. */
    record Finished(DeployStep step) implements DeployEvent {
    }

    /** A line a hook command printed (its standard output and error, merged). */
    record HookOutput(String command, String line) implements DeployEvent {
    }

    /** Progress of the backup, or of the restore when the rollback policy restores. */
    record Backup(BackupEvent event) implements DeployEvent {
    }
}
