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
    JAVA_NOT_INSTANTIABLE
}
