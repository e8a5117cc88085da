package dev.slipway.apply;

import dev.slipway.migration.Version;
import java.util.List;

/**
 * What {@code migrate} did.
 *
 * @param from    the newest applied version before the run, or null
 * @param to      the newest applied version after it, or null
 * @param applied the migrations it applied, in order
 */
public record MigrateResult(Version from, Version to, List<AppliedMigration> applied) {
    public MigrateResult {
        applied = List.copyOf(applied);
    }
}
