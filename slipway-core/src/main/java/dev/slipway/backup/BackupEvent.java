package dev.slipway.backup;

import java.time.Duration;

/** What a backup or restore reports while it runs. */
public sealed interface BackupEvent {
    /**
     * A step starts or ends, e.g. "pg_dump 15.18 is dumping app".
     *
     * @param text one line, without a password
     */
    record Step(String text) implements BackupEvent {
    }

    /**
     * The dump has grown; sent about once a second while {@code pg_dump} runs.
     *
     * @param bytes   bytes written so far
     * @param elapsed time since the dump started
     */
    record Progress(long bytes, Duration elapsed) implements BackupEvent {
    }
}
