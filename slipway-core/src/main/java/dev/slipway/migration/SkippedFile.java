package dev.slipway.migration;

import java.util.Objects;

/**
 * A file (or class) in a migration location that is not a migration.
 *
 * @param path      the file as named in messages, or the class name
 * @param reason    why it was skipped
 * @param malformed whether it looks like a migration but is not named like one ({@code V1_users.sql}); the
 *                  migration set reports these as problems, since they would otherwise never run
 */
public record SkippedFile(String path, String reason, boolean malformed) {

    /** Checks the path and reason are present. */
    public SkippedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@return whether it is a Flyway callback script, which Slipway does not run and says so} */
    public boolean flywayCallback() {
        return reason.equals(MigrationName.CALLBACK_NOT_RUN);
    }

    /** A file that is plainly not a migration, such as {@code README.md}. */
    public SkippedFile(String path, String reason) {
        this(path, reason, false);
    }
}
