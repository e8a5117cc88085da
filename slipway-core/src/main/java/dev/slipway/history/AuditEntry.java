package dev.slipway.history;

import java.time.Instant;

/**
 * One row of the append-only audit trail: an apply, revert, stamp, baseline, repair or restore, successful or not.
 *
 * @param id          increasing id
 * @param action      {@code apply}, {@code revert}, {@code stamp}, {@code unstamp}, {@code baseline}, {@code adopt},
 *                    {@code repair} or {@code restore}
 * @param version     the version, or null for a repeatable
 * @param description the migration's description
 * @param script      the file or class
 * @param checksum    its checksum, or null
 * @param outcome     {@code success}, {@code failed} or {@code partial}
 * @param detail      the error or note, without passwords; may be null
 * @param dbUser      the database role that ran it
 * @param osUser      the operating-system user that ran it
 * @param host        the host it ran on
 * @param toolVersion the Slipway version
 * @param startedAt   when it started
 * @param durationMs  how long it took
 */
public record AuditEntry(long id, String action, String version, String description, String script, Integer checksum,
        String outcome, String detail, String dbUser, String osUser, String host, String toolVersion,
        Instant startedAt, long durationMs) {
}
