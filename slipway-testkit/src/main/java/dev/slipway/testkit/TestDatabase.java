package dev.slipway.testkit;

import dev.slipway.embedded.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One database on a {@link PostgresServer}, created empty for a test class.
 * <p>Thread-safe: every call opens its own connection.
 */
public final class TestDatabase {
    private final PostgresServer server;
    private final String name;

    TestDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Creates an empty database called {@code name} on {@code server} and returns a handle to it. */
    public static TestDatabase create(PostgresServer server, String name) {
        server.createDatabase(name);
        return new TestDatabase(server, name);
    }

    /** {@return the database name} */
    public String name() {
        return name;
    }

    /** {@return the server the database lives on} */
    public PostgresServer server() {
        return server;
    }

    /** {@return a JDBC URL without credentials} */
    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    /** {@return a libpq URI with the superuser's credentials} */
    public String libpqUrl() {
        return server.libpqUrl(name);
    }

    /** {@return a data source that connects as the superuser} */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {server.host()});
        dataSource.setPortNumbers(new int[] {server.port()});
        dataSource.setDatabaseName(name);
        dataSource.setUser(PostgresServer.SUPERUSER);
        dataSource.setPassword(server.password());
        return dataSource;
    }

    /** Opens a superuser connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return server.connect(name);
    }

    /** Runs SQL (one or more statements) in autocommit mode. */
    public void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** {@return the first column of the first row of a query, as text, or null when there is no row} */
    public String queryString(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** {@return the first column of the first row of a query, as a long} */
    public long queryLong(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) throw new SQLException("no row from: " + sql);
            return rows.getLong(1);
        }
    }

    /** Drops and re-creates this database, for tests that need an empty one again. */
    public void recreate() {
        server.dropDatabase(name);
        server.createDatabase(name);
    }

    @Override
    public String toString() {
        return "database " + name + " on " + server;
    }
}
