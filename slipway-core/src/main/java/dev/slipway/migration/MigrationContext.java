package dev.slipway.migration;

import java.sql.Connection;

/**
 * What a {@link JavaMigration} gets while it runs. Valid only during that call.
 */
public interface MigrationContext {

    /**
     * {@return the connection to migrate with} It is inside the migration's transaction unless the migration's
     * {@link JavaMigration#runInTransaction()} is false. Do not commit, roll back or close it in a transactional
     * migration: Slipway records the migration in the same transaction.
     */
    Connection connection();

    /** {@return the name of the migration being run, e.g. to log its version} */
    MigrationName migration();
}
