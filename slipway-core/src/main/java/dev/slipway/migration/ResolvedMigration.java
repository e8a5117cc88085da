package dev.slipway.migration;

/**
 * A migration found by a scan: an SQL script or a Java class. The runner tells them apart with {@code instanceof}.
 */
public sealed interface ResolvedMigration permits MigrationScript, JavaMigrationClass {

    /** {@return its type, version and description} */
    MigrationName name();

    /** {@return where it was found, for messages: a relative path, or the class name of a Java migration} */
    String location();
}
