package dev.slipway.apply.pets;

import dev.slipway.migration.JavaMigration;
import dev.slipway.migration.MigrationContext;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;

/** Inserts rows computed in Java, and deletes them on the way down. */
public final class V2__Add_pets implements JavaMigration {
    @Override
    public void up(MigrationContext context) throws Exception {
        try (PreparedStatement insert = context.connection().prepareStatement("insert into pets values (?, ?)")) {
            String[] names = {"Rex", "Tom"};
            for (int i = 0; i < names.length; i++) {
                insert.setInt(1, i + 1);
                insert.setString(2, names[i].toUpperCase(Locale.ROOT));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public void down(MigrationContext context) throws Exception {
        try (Statement statement = context.connection().createStatement()) {
            statement.execute("delete from pets where id in (1, 2)");
        }
    }
}
