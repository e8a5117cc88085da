package dev.slipway.apply;

import dev.slipway.migration.Version;
import java.time.Duration;

/**
 * A migration that a run applied or reverted.
 *
 * @param version     its version, or null for a repeatable
 * @param description its description
 * @param script      its file or class
 * @param took        how long it took
 */
public record AppliedMigration(Version version, String description, String script, Duration took) {
}
