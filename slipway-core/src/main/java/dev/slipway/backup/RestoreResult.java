package dev.slipway.backup;

import java.time.Duration;
import java.util.List;

/**
 * A restore that ran.
 *
 * @param backupId         the backup restored
 * @param database         the database restored into
 * @param host             the host it is on
 * @param revisionBefore   its revision before the restore, or null for none
 * @param revisionAfter    its revision now, read from the restored history table, or null for none
 * @param backupRevision   the revision the backup was taken at, or null for none
 * @param partial          whether the backup held only some tables (the others were left as they were)
 * @param oneTransaction   whether it ran in one transaction (custom format), so a failure would have changed nothing
 * @param dropped          tables and views that a whole-database backup does not define, e.g. created by a
 *                         migration after the backup, dropped so the restore gives the database as it was
 * @param pgRestoreVersion the version of the {@code pg_restore} that ran
 * @param took             how long it took, the checksum check included
 */
public record RestoreResult(String backupId, String database, String host, String revisionBefore,
        String revisionAfter, String backupRevision, boolean partial, boolean oneTransaction, List<String> dropped,
        String pgRestoreVersion, Duration took) {
    /** Copies the list. */
    public RestoreResult {
        dropped = List.copyOf(dropped);
    }
}
