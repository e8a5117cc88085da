package dev.slipway.sandbox;

import dev.slipway.SlipwayException;
import dev.slipway.db.ConnectionFactory;
import dev.slipway.db.ConnectionSpec;
import dev.slipway.schema.SchemaFilter;
import dev.slipway.schema.SchemaModel;
import dev.slipway.schema.SchemaReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;

/**
 * One empty database made by a {@link Sandbox}, dropped by {@link #close()} together with any session still
 * connected to it.
 * <p>Thread-safe; closing twice is harmless. A database not closed is dropped when its sandbox closes.
 */
public final class ScratchDatabase implements AutoCloseable {
    private final Sandbox sandbox;
    private final ConnectionSpec spec;
    private boolean dropped;

    ScratchDatabase(Sandbox sandbox, ConnectionSpec spec) {
        this.sandbox = sandbox;
        this.spec = spec;
    }

    /** {@return the database name, {@code slipway_scratch_} and a random suffix} */
    public String name() {
        return spec.database();
    }

    /** {@return where and as whom to connect, password included (masked in {@code toString})} */
    public ConnectionSpec connectionSpec() {
        return spec;
    }

    /** {@return the JDBC URL without user or password; {@link #connectionSpec()} has those} */
    public String jdbcUrl() {
        return spec.jdbcUrl();
    }

    /** {@return a factory for connections to this database} */
    public ConnectionFactory connections() {
        return ConnectionFactory.of(spec);
    }

    /**
     * Opens a connection to this database; the caller closes it.
     *
     * @throws dev.slipway.db.DatabaseUnavailableException when the server refuses it
     */
    public Connection connect() {
        return connections().open();
    }

    /**
     * {@return the schema this database holds now}
     *
     * @throws SlipwayException when it cannot be read
     */
    public SchemaModel schema(SchemaFilter filter) {
        try (Connection connection = connect()) {
            return SchemaReader.read(connection, filter);
        } catch (SQLException e) {
            throw SlipwayException.failed("could not read the schema of " + this + ": " + e.getMessage(),
                    "the target database was not touched", "run again with --verbose", e);
        }
    }

    /**
     * {@return what the runner's message says failed and where, without its lines about "the database" and re-running
     * migrate}: here the database is a scratch one, dropped afterwards
     */
    static String whatFailed(SlipwayException runnerFailure) {
        return runnerFailure.getMessage().lines().takeWhile(line -> !line.startsWith("  database:"))
                .collect(Collectors.joining("\n"));
    }

    /** {@return the sandbox this database lives in} */
    public Sandbox sandbox() {
        return sandbox;
    }

    /**
     * Drops the database, ending the sessions still connected to it.
     *
     * @throws dev.slipway.SlipwayException when the server refuses the drop; the message names the database so
     *     it can be dropped by hand
     */
    @Override
    public void close() {
        synchronized (this) {
            if (dropped) return;
            dropped = true;
        }
        sandbox.drop(this);
    }

    /** {@return whether {@link #close()} has run} */
    synchronized boolean isDropped() {
        return dropped;
    }

    /** {@return the database and where it lives, without a password} */
    @Override
    public String toString() {
        return "scratch database " + name() + " on " + sandbox;
    }
}
