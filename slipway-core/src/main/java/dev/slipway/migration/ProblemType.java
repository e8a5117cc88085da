package dev.slipway.migration;

/** The kinds of mistakes a migration set can have on its own, before any database is asked. */
public enum ProblemType {
    /** Two migrations have one version (two files, a Flyway and a golang-migrate file, or SQL and Java). */
    DUPLICATE_VERSION,
    /** Versions that differ only by trailing zeros ({@code 1} and {@code 1.0}), which Flyway treats as one. */
    EQUIVALENT_VERSIONS,
    /** A down migration whose version has no up migration. */
    ORPHAN_UNDO,
    /** A version with more than one down migration (two files, or a file and a Java {@code down}). */
    DUPLICATE_UNDO,
    /** Two repeatable migrations with one description, which is what identifies them in the history. */
    DUPLICATE_REPEATABLE,
    /** Two baseline migrations with one version. */
    DUPLICATE_BASELINE,
    /** A file or class that looks like a migration but is not named like one, so it would never run. */
    MALFORMED_NAME,
    /** A Java migration that cannot be instantiated when its turn comes. */
    JAVA_NOT_INSTANTIABLE,
    /** A script's SQL cannot be read or split, or a directive is wrong. */
    SCRIPT,
    /** An applied migration's file changed since it ran. */
    CHECKSUM_CHANGED,
    /** An applied migration's file is gone. */
    MISSING_FILE,
    /** A pending version is older than the newest applied one. */
    OUT_OF_ORDER,
    /** The database could not be reached or read. */
    DATABASE
}
