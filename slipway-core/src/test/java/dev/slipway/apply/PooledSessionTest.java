package dev.slipway.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Slipway;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** Migrating at application start-up through the application's pool. */
@ExtendWith(PostgresExtension.class)
class PooledSessionTest {

    @Test
    void theRunnersConnectionGoesBackToThePoolWithTheDatabasesTimeouts(TestDatabase db, @TempDir Path dir)
            throws SQLException {
        db.execute("alter database " + db.name() + " set lock_timeout = '7s'");
        db.execute("alter database " + db.name() + " set statement_timeout = '1min'");
        new MigrationFolder(db, dir)
                .write("V1__visits.sql", "create table visits (id int);\n"
                        + "create index concurrently visits_id on visits (id);\n");
        OnePooledConnection pool = new OnePooledConnection(db);

        Slipway.configure().dataSource(pool).locations(dir.toString()).load().migrate();

        assertThat(show(pool.physical, "lock_timeout")).isEqualTo("7s");
        assertThat(show(pool.physical, "statement_timeout")).isEqualTo("1min");
        assertThat(show(pool.physical, "client_connection_check_interval")).isEqualTo("0");
        pool.physical.close();
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("show " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /**
     * A data source that, like a pool, keeps the first connection it hands out open when the caller closes it;
     * later connections are plain ones.
     */
    private static final class OnePooledConnection extends PGSimpleDataSource {
        private static final long serialVersionUID = 1L;
        private transient Connection physical;

        OnePooledConnection(TestDatabase db) throws SQLException {
            PGSimpleDataSource plain = (PGSimpleDataSource) db.dataSource();
            setUrl(plain.getUrl());
            setUser(plain.getUser());
            setPassword(plain.getPassword());
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (physical != null) return super.getConnection();
            physical = super.getConnection();
            Connection kept = physical;
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) return null;
                        try {
                            return method.invoke(kept, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
