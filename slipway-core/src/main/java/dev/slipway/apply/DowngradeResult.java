package dev.slipway.apply;

import dev.slipway.migration.Version;
import java.util.List;

/**
 * What {@code downgrade} did.
 *
 * @param from     the newest applied version before, or null
 * @param to       the newest applied version after, or null when at the base
 * @param reverted the migrations it reverted, newest first
 */
public record DowngradeResult(Version from, Version to, List<AppliedMigration> reverted) {
    public DowngradeResult {
        reverted = List.copyOf(reverted);
    }
}
