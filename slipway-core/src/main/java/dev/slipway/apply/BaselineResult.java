package dev.slipway.apply;

import dev.slipway.migration.Version;

/**
 * What {@code baseline} recorded.
 *
 * @param version the baseline version, or null when a Flyway history was adopted instead
 * @param adopted how many rows of {@code flyway_schema_history} were adopted
 */
public record BaselineResult(Version version, int adopted) {
}
