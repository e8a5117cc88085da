package dev.slipway.apply;

/** How a migration stands relative to the database, as {@code status} reports it. */
public enum PendingState {
    /** Applied and unchanged. */
    APPLIED,
    /** Not applied yet. */
    PENDING,
    /** Partly applied by a run that was cut off or failed; the next run resumes it. */
    PARTIAL,
    /** Its down migration was cut off part way; the next downgrade resumes it. */
    REVERTING,
    /** Not applied; its last attempt failed (see {@code slipway history}). */
    FAILED,
    /** Applied, but its file has changed since. */
    CHANGED,
    /** Applied, but its file is gone. */
    MISSING,
    /** Older than the newest applied version and not applied: a merged branch. */
    OUT_OF_ORDER,
    /** At or below the baseline; never applied here. */
    BELOW_BASELINE,
    /** A repeatable migration whose file changed since it was applied; the next run re-applies it. */
    OUTDATED
}
