package dev.slipway.apply;

import dev.slipway.migration.MigrationType;
import dev.slipway.migration.Version;
import java.time.Instant;

/**
 * One migration in a status report.
 *
 * @param version     its version, or null for a repeatable
 * @param type        its type
 * @param description its description
 * @param script      its file or class, or the recorded script when the file is missing
 * @param state       how it stands
 * @param appliedAt   when it was applied, or null
 * @param detail      more about the state (steps done, the last error, ...), or null
 */
public record StatusEntry(Version version, MigrationType type, String description, String script, PendingState state,
        Instant appliedAt, String detail) {
}
