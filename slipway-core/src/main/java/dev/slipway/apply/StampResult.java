package dev.slipway.apply;

import dev.slipway.migration.Version;
import java.util.List;

/**
 * What {@code stamp} recorded.
 *
 * @param version   the version stamped
 * @param stamped   scripts now recorded as applied without having run
 * @param unstamped scripts above the version no longer recorded as applied
 */
public record StampResult(Version version, List<String> stamped, List<String> unstamped) {
    public StampResult {
        stamped = List.copyOf(stamped);
        unstamped = List.copyOf(unstamped);
    }
}
