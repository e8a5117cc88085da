package dev.slipway.backup;

/** Hears about the steps and progress of a backup or restore; called on the thread that runs it. */
@FunctionalInterface
public interface BackupListener {
    /** A listener that ignores everything. */
    BackupListener NONE = event -> { };

    /** Receives one event. */
    void on(BackupEvent event);
}
