package dev.slipway.migration;

import java.sql.Connection;
import java.util.Map;

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

    /**
     * {@return the values of the placeholders the SQL scripts see as {@code ${name}}, by name; empty when none are
     * defined} Flyway's Java migrations read them from their configuration.
     */
    default Map<String, String> placeholders() {
        return Map.of();
    }
}
