package dev.slipway.migration;

import java.util.Optional;

/**
 * A migration written in Java, for changes SQL cannot express well (backfills that call code, data fixes).
 * <p>Name the class {@code V<version>__<Description>}, e.g. {@code V3__Backfill_names} (use {@code _} for a dot in the
 * version: {@code V2_1__Split_names} is 2.1), or override {@link #version()} and {@link #description()}. Put it in the
 * package of a {@code classpath:} location ({@code classpath:db/migration} means package {@code db.migration}) or in a
 * jar or class folder given as a {@code classes:} location. It needs a public no-argument constructor. A new
 * instance is created for each run, so fields do not carry state between runs.
 */
public interface JavaMigration {

    /**
     * Applies the change.
     *
     * @param context the connection and what is running
     * @throws Exception anything; the migration fails and its transaction, if it has one, is rolled back
     */
    void up(MigrationContext context) throws Exception;

    /**
     * Reverts what {@link #up} did. Override it to give this migration a down; the default has none.
     *
     * @param context the connection and what is running
     * @throws Exception anything; the down migration fails
     */
    default void down(MigrationContext context) throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " has no down migration: override "
                + "down(MigrationContext) or add an undo script for version " + version());
    }

    /** {@return whether this migration can be reverted; by default, whether its class overrides {@link #down}} */
    default boolean hasDown() {
        return JavaMigrationClass.overridesDown(getClass());
    }

    /**
     * {@return a checksum to detect that an applied migration was changed, or {@code null} for none} Return a new
     * value when the migration's behaviour changes on purpose.
     */
    default Integer checksum() {
        return null;
    }

    /**
     * {@return whether {@link #up} and {@link #down} run inside one transaction with the history row} Return false
     * for work that must commit in steps (a long backfill) or cannot run in a transaction.
     */
    default boolean runInTransaction() {
        return true;
    }

    /**
     * {@return the version; by default read from the class name {@code V<version>__<Description>}, else null}
     * A class that overrides this or {@link #description()} is instantiated once during the scan to ask.
     */
    default Version version() {
        return JavaMigrationClass.nameFromClassName(getClass()).map(MigrationName::version).orElse(null);
    }

    /** {@return the description; by default read from the class name with underscores as spaces} */
    default String description() {
        Optional<MigrationName> name = JavaMigrationClass.nameFromClassName(getClass());
        return name.map(MigrationName::description).orElse(getClass().getSimpleName());
    }
}
