package dev.slipway.apply;

import dev.slipway.migration.MigrationType;
import dev.slipway.migration.Version;
import java.util.function.IntFunction;

/**
 * One migration (or down migration) as the runner sees it: its identity and how to get its steps.
 *
 * @param key         its key in the history ({@code V:<version>} or {@code R:<description>})
 * @param version     its version, or null for a repeatable
 * @param type        its type
 * @param description its description
 * @param script      the file or class it comes from, for messages and the history
 * @param checksum    its checksum, or null
 * @param steps       reads and plans the steps for a server major version, when the migration is about to run
 */
record Unit(String key, Version version, MigrationType type, String description, String script, Integer checksum,
        IntFunction<StepPlanner.Planned> steps) {
}
