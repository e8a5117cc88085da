package dev.slipway.backup;

/** How a backup was checked before it was kept. */
public enum Verification {
    /** {@code pg_restore --list} read the archive's table of contents. */
    LISTED,
    /** It was also restored into a scratch database, and every table had the row count of the dump's snapshot. */
    RESTORED,
    /** Nothing to check: only an external command ran. */
    NONE
}
