package dev.slipway.backup;

import java.util.Objects;

/**
 * What {@link Backups#restore} should restore, and the confirmation it needs.
 *
 * @param backup             a backup id ({@code app-3-20251021T120000Z}), the path of a backup or its manifest, or
 *                           {@code latest} for the newest backup of the target database
 * @param confirmation       the database name the user typed or gave with {@code --confirm}; a restore replaces
 *                           what is in the database, so it must name the target's {@code current_database()}
 * @param jobs               how many {@code pg_restore} processes run in parallel; more than 1 needs a
 *                           directory-format backup (a custom-format backup is restored in one transaction)
 * @param allowOtherDatabase whether a backup taken of a database with another name may be restored
 * @param reason             why the restore runs, for the audit trail (e.g. the deploy failure it undoes); null
 *                           for none given
 * @param deployStep         whether the restore is the rollback of a deploy, which holds the deploy lock for it;
 *                           a restore on its own is refused while a deploy runs
 */
public record RestoreRequest(String backup, String confirmation, int jobs, boolean allowOtherDatabase,
                             String reason, boolean deployStep) {
    /** Checks the values. */
    public RestoreRequest {
        Objects.requireNonNull(backup, "backup");
        if (backup.isBlank()) throw new IllegalArgumentException("say which backup to restore");
        if (jobs < 1) throw new IllegalArgumentException("jobs must be 1 or more, not " + jobs);
    }

    /** {@return a request to restore {@code backup} into the database named {@code confirmation}, one process} */
    public static RestoreRequest of(String backup, String confirmation) {
        return new RestoreRequest(backup, confirmation, 1, false, null, false);
    }

    /** {@return a copy with another number of parallel processes} */
    public RestoreRequest withJobs(int newJobs) {
        return new RestoreRequest(backup, confirmation, newJobs, allowOtherDatabase, reason, deployStep);
    }

    /** {@return a copy that may or may not restore a backup of a database with another name} */
    public RestoreRequest withAllowOtherDatabase(boolean allowed) {
        return new RestoreRequest(backup, confirmation, jobs, allowed, reason, deployStep);
    }

    /** {@return a copy that gives the audit trail {@code why} the restore ran} */
    public RestoreRequest withReason(String why) {
        return new RestoreRequest(backup, confirmation, jobs, allowOtherDatabase, why, deployStep);
    }

    /** {@return a copy that runs as the rollback of the deploy holding the deploy lock} */
    public RestoreRequest asDeployStep() {
        return new RestoreRequest(backup, confirmation, jobs, allowOtherDatabase, reason, true);
    }
}
