package dev.slipway.apply.named;

import dev.slipway.db.PgIdentifiers;
import dev.slipway.migration.JavaMigration;
import dev.slipway.migration.MigrationContext;
import java.sql.Statement;

/** Creates a table whose name the placeholder {@code table} gives, as a SQL script would with {@code ${table}}. */
public final class V1__Create_named_table implements JavaMigration {
    @Override
    public void up(MigrationContext context) throws Exception {
        String table = context.placeholders().getOrDefault("table", "unnamed");
        try (Statement statement = context.connection().createStatement()) {
            statement.execute("create table " + PgIdentifiers.quote(table) + " (id int)");
        }
    }
}
