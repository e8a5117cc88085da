package dev.slipway.backup;

import dev.slipway.db.ServerVersion;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * An open repeatable-read transaction whose snapshot {@code pg_dump} is told to use ({@code --snapshot}), so the
 * revision, the table list and the row counts that go into the manifest are read from exactly the data the dump
 * holds, even while the database keeps changing. Owns its connection. Not thread-safe.
 */
final class DumpSnapshot implements AutoCloseable {
    private final Connection connection;
    private final String id;
    private final String database;
    private final ServerVersion server;
    private final String revision;
    private final List<BackupTable> tables;

    private DumpSnapshot(Connection connection, String id, String database, ServerVersion server, String revision,
            List<BackupTable> tables) {
        this.connection = connection;
        this.id = id;
        this.database = database;
        this.server = server;
        this.revision = revision;
        this.tables = tables;
    }

    /** Starts the transaction on {@code connection} (which it then owns), exports its snapshot and reads the facts. */
    static DumpSnapshot export(Connection connection, String historySchema) throws SQLException {
        try {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            String id;
            String database;
            try (Statement query = connection.createStatement();
                 ResultSet rows = query.executeQuery("select pg_catalog.pg_export_snapshot(),"
                         + " pg_catalog.current_database()")) {
                rows.next();
                id = rows.getString(1);
                database = rows.getString(2);
            }
            return new DumpSnapshot(connection, id, database, ServerVersion.of(connection),
                    Revision.of(connection, historySchema), Tables.all(connection));
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** {@return the snapshot's name for {@code pg_dump --snapshot}} */
    String id() {
        return id;
    }

    /** {@return the name of the database} */
    String database() {
        return database;
    }

    /** {@return the server's version} */
    ServerVersion server() {
        return server;
    }

    /** {@return the newest applied version in the snapshot, or null} */
    String revision() {
        return revision;
    }

    /** {@return every user table in the snapshot} */
    List<BackupTable> tables() {
        return tables;
    }

    /** {@return {@code chosen} with their row counts in the snapshot} */
    List<BackupTable> count(List<BackupTable> chosen) throws SQLException {
        return Tables.count(connection, chosen);
    }

    /** Ends the transaction, which releases the snapshot, and closes the connection. */
    @Override
    public void close() throws SQLException {
        try (connection) {
            connection.rollback();
        }
    }
}
