package dev.slipway.apply.broken;

import dev.slipway.migration.JavaMigration;
import dev.slipway.migration.MigrationContext;
import java.sql.Statement;

/** Creates a table, then fails: the table must not survive. */
public final class V1__Create_toys implements JavaMigration {
    @Override
    public void up(MigrationContext context) throws Exception {
        try (Statement statement = context.connection().createStatement()) {
            statement.execute("create table toys (id int)");
        }
        throw new IllegalStateException("the toy catalogue is not reachable");
    }
}
