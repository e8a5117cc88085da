package dev.slipway.history;

import dev.slipway.migration.MigrationType;
import dev.slipway.migration.Version;
import java.time.Instant;

/**
 * One row of the current-state table: a migration that is applied, partly applied or being reverted.
 *
 * @param key          {@code V:<version>} for versioned and baseline migrations, {@code R:<description>} for
 *                     repeatables
 * @param version      the version, or null for a repeatable migration
 * @param type         versioned, repeatable or baseline ({@code stamp}ed rows keep their migration's type)
 * @param description  the description from the file or class name
 * @param script       the file or class it came from
 * @param checksum     the checksum recorded when it was applied, or null (Java migrations without one, stamps)
 * @param state        applied, partial or reverting
 * @param stepsDone    steps completed (of the up, or of the down while reverting)
 * @param stepInFlight the step started but not known to be done (a non-transactional statement), or 0
 * @param appliedBy    who applied it
 * @param appliedAt    when it was applied
 * @param durationMs   how long it took, in milliseconds
 * @param how          {@code run}, {@code stamp}, {@code baseline} or {@code adopted}
 * @param stepsChecksum a checksum of the statements of the steps done, while partial or reverting, or null; lets a
 *                      run resume a file that was fixed after the steps that ran
 * @param batchLastKey  the last key the committed batches of a batched statement reached, while that statement is
 *                      in progress; else null
 * @param statementsChecksum a checksum of what the statements that ran say, blind to comments, whitespace and the
 *                      case of keywords, so that a file edited only in those ways can be told from one whose
 *                      statements changed; null for Java migrations, stamps and rows of older Slipway versions
 */
public record HistoryEntry(String key, Version version, MigrationType type, String description, String script,
        Integer checksum, MigrationState state, int stepsDone, int stepInFlight, String appliedBy, Instant appliedAt,
        long durationMs, String how, Integer stepsChecksum, String batchLastKey, Integer statementsChecksum) {

    /** A row without a checksum of its statements. */
    public HistoryEntry(String key, Version version, MigrationType type, String description, String script,
            Integer checksum, MigrationState state, int stepsDone, int stepInFlight, String appliedBy,
            Instant appliedAt, long durationMs, String how, Integer stepsChecksum, String batchLastKey) {
        this(key, version, type, description, script, checksum, state, stepsDone, stepInFlight, appliedBy, appliedAt,
                durationMs, how, stepsChecksum, batchLastKey, null);
    }

    /** A row with no batched statement in progress. */
    public HistoryEntry(String key, Version version, MigrationType type, String description, String script,
            Integer checksum, MigrationState state, int stepsDone, int stepInFlight, String appliedBy,
            Instant appliedAt, long durationMs, String how, Integer stepsChecksum) {
        this(key, version, type, description, script, checksum, state, stepsDone, stepInFlight, appliedBy, appliedAt,
                durationMs, how, stepsChecksum, null);
    }

    /** A row without a checksum of its steps: applied, stamped, baselined or adopted. */
    public HistoryEntry(String key, Version version, MigrationType type, String description, String script,
            Integer checksum, MigrationState state, int stepsDone, int stepInFlight, String appliedBy,
            Instant appliedAt, long durationMs, String how) {
        this(key, version, type, description, script, checksum, state, stepsDone, stepInFlight, appliedBy, appliedAt,
                durationMs, how, null, null);
    }

    /** {@return this row with another checksum of what it stands for} */
    public HistoryEntry withChecksum(Integer newChecksum) {
        return new HistoryEntry(key, version, type, description, script, newChecksum, state, stepsDone, stepInFlight,
                appliedBy, appliedAt, durationMs, how, stepsChecksum, batchLastKey, statementsChecksum);
    }

    /** {@return the key of a versioned or baseline migration} */
    public static String versionKey(Version version) {
        return "V:" + version;
    }

    /** {@return the key of a repeatable migration} */
    public static String repeatableKey(String description) {
        return "R:" + description;
    }

    /**
     * {@return whether the migration ran here or under Flyway (not stamped or baselined), so its checksum is of what
     * ran}
     */
    public boolean wasRun() {
        return "run".equals(how) || "adopted".equals(how);
    }
}
