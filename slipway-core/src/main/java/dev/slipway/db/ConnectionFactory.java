package dev.slipway.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.Driver;

/**
 * Opens connections, either from a {@link ConnectionSpec} or through a {@link DataSource} that a library user
 * hands in (their pool, their credentials).
 * <p>A failure to connect becomes a {@link DatabaseUnavailableException} whose message names the target and never
 * the password. Immutable and thread-safe; every {@link #open()} returns a new connection the caller closes.
 */
public final class ConnectionFactory {
    /** What {@code pg_stat_activity.application_name} shows unless the URL or the caller says otherwise. */
    public static final String DEFAULT_APPLICATION_NAME = "slipway";
    /** The driver itself rather than DriverManager, which misses drivers loaded by other class loaders. */
    private static final Driver DRIVER = new Driver();

    private final ConnectionSpec spec;
    private final String applicationName;
    private final DataSource dataSource;
    private final String target;

    private ConnectionFactory(ConnectionSpec spec, String applicationName, DataSource dataSource, String target) {
        this.spec = spec;
        this.applicationName = applicationName;
        this.dataSource = dataSource;
        this.target = target;
    }

    /** {@return a factory connecting as {@code spec} says, under the application name {@code slipway}} */
    public static ConnectionFactory of(ConnectionSpec spec) {
        return of(spec, DEFAULT_APPLICATION_NAME);
    }

    /**
     * {@return a factory connecting as {@code spec} says}
     *
     * @param applicationName the application name unless the spec names one; null for PgJDBC's default
     */
    public static ConnectionFactory of(ConnectionSpec spec, String applicationName) {
        Objects.requireNonNull(spec, "spec");
        return new ConnectionFactory(spec, applicationName, null, spec.redacted());
    }

    /**
     * {@return a factory that takes its connections from {@code dataSource}}
     *
     * @param description how messages name the target, e.g. {@code "the application's data source"}; it must
     *     not contain a password
     */
    public static ConnectionFactory of(DataSource dataSource, String description) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new ConnectionFactory(null, null, dataSource, PasswordRedactor.redact(description));
    }

    /** {@return the spec connections are made from; empty for a factory wrapping a data source} */
    public Optional<ConnectionSpec> spec() {
        return Optional.ofNullable(spec);
    }

    /** {@return the target as messages show it, without a password} */
    public String target() {
        return target;
    }

    /**
     * Opens a new connection in autocommit mode, as PgJDBC and data sources hand them out.
     *
     * @throws DatabaseUnavailableException when the server cannot be reached or refuses the connection
     */
    public Connection open() {
        try {
            if (dataSource != null) return dataSource.getConnection();
            Properties properties = spec.jdbcProperties(applicationName);
            Connection connection = DRIVER.connect(spec.jdbcUrl(), properties);
            if (connection == null) throw new SQLException("PgJDBC did not accept " + spec.jdbcUrl());
            return connection;
        } catch (SQLException e) {
            List<Secret> known = spec == null ? List.of() : spec.password().stream().toList();
            throw DatabaseUnavailableException.couldNotConnect(target, e, known);
        }
    }

    @Override
    public String toString() {
        return "ConnectionFactory[" + target + "]";
    }
}
