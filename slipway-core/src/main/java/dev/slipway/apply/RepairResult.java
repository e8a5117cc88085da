package dev.slipway.apply;

import dev.slipway.migration.Version;
import java.time.Instant;
import java.util.List;

/**
 * What {@code repair} recorded: applied migrations whose file changed after they ran, now recorded with the file's
 * checksum. Nothing ran; the schema is as it was.
 *
 * @param accepted the files accepted as they are now, by version; empty when no file had changed
 */
public record RepairResult(List<Accepted> accepted) {
    public RepairResult {
        accepted = List.copyOf(accepted);
    }

    /**
     * One file accepted as it is now.
     *
     * @param version      its version
     * @param script       the file
     * @param checksumThen the checksum of what ran
     * @param checksumNow  the checksum of the file now, recorded in its place
     * @param appliedAt    when it ran
     */
    public record Accepted(Version version, String script, int checksumThen, int checksumNow, Instant appliedAt) {
    }
}
