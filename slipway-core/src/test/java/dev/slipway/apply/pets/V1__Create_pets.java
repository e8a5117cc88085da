package dev.slipway.apply.pets;

import dev.slipway.migration.JavaMigration;
import dev.slipway.migration.MigrationContext;
import java.sql.Statement;

/** Creates a table from Java, and drops it on the way down. */
public final class V1__Create_pets implements JavaMigration {
    @Override
    public void up(MigrationContext context) throws Exception {
        try (Statement statement = context.connection().createStatement()) {
            statement.execute("create table pets (id int primary key, name text not null)");
        }
    }

    @Override
    public void down(MigrationContext context) throws Exception {
        try (Statement statement = context.connection().createStatement()) {
            statement.execute("drop table pets");
        }
    }
}
