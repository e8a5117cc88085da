package dev.slipway.backup;

import java.time.Duration;

/**
 * How the configured backup command ran.
 *
 * @param command  the command, with passwords masked
 * @param exitCode its exit code; 0 is success
 * @param duration how long it ran
 * @param output   the end of what it printed (both streams), with passwords masked
 */
public record CommandRecord(String command, int exitCode, Duration duration, String output) {
    /** Keeps milliseconds, as the manifest does. */
    public CommandRecord {
        duration = Duration.ofMillis(duration.toMillis());
    }

    /** {@return whether it succeeded} */
    public boolean succeeded() {
        return exitCode == 0;
    }
}
