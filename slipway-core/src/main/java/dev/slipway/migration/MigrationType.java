package dev.slipway.migration;

/** What a migration does when it runs. */
public enum MigrationType {
    /** A forward change with a version, applied once ({@code V3__x.sql}, {@code 3_x.up.sql}). */
    VERSIONED,
    /** The down migration of a version ({@code U3__x.sql}, {@code 3_x.down.sql}). */
    UNDO,
    /** No version; applied after the versioned ones and again whenever its checksum changes ({@code R__x.sql}). */
    REPEATABLE,
    /** The whole schema up to its version, for a fresh database instead of every versioned one before it. */
    BASELINE
}
