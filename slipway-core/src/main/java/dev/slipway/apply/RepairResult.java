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
     * @param edit         what changed in it
     */
    public record Accepted(Version version, String script, int checksumThen, int checksumNow, Instant appliedAt,
            Edit edit) {
    }

    /** What changed in an accepted file since it ran. */
    public enum Edit {
        /** Only comments, whitespace or the case of words: its statements are those that ran. */
        LAYOUT,
        /** Its statements: accepted only when asked to accept changed statements. */
        STATEMENTS,
        /** Not known: it ran under a Slipway that kept no checksum of statements, or it is a Java migration. */
        UNKNOWN
    }
}
