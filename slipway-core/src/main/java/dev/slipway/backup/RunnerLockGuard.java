package dev.slipway.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Takes the runner lock that {@code migrate}, {@code undo} and {@code repair} hold while they change a database, so
 * a restore never runs at the same time as one of them: a restore under a running migration would leave neither the
 * backup's schema nor the migration's. The same session-level advisory lock, keys {@code ('SLPW', hash of the history
 * schema)}, as {@code dev.slipway.apply.RunnerLock}; it is held by Slipway's own connection while
 * {@code pg_restore} works on its own, and dies with that connection. Stateless.
 */
final class RunnerLockGuard {
    /** 'SLPW': the first key of Slipway's advisory locks, as the runners use it. */
    private static final int NAMESPACE = 0x534c5057;

    private RunnerLockGuard() {
    }

    /**
     * The session holding the lock.
     *
     * @param pid         its backend pid; 0 when it ended before it could be seen
     * @param description who it is, e.g. {@code pid 123, application 'slipway', user app, client 10.0.0.5,
     *                    connected since ...}
     */
    record Holder(int pid, String description) {
    }

    /**
     * Tries once to take the lock on {@code connection}, without waiting.
     *
     * @return empty when it was taken (it is released when the connection closes); otherwise who holds it
     */
    static Optional<Holder> tryTake(Connection connection, String historySchema) throws SQLException {
        int key = historySchema.hashCode();
        try (PreparedStatement query = connection.prepareStatement("select pg_catalog.pg_try_advisory_lock(?, ?)")) {
            query.setInt(1, NAMESPACE);
            query.setInt(2, key);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                if (rows.getBoolean(1)) return Optional.empty();
            }
        }
        return Optional.of(holder(connection, key).orElse(new Holder(0, "a session that has just ended")));
    }

    private static Optional<Holder> holder(Connection connection, int key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select a.pid, a.usename, a.application_name,"
                + " coalesce(a.client_hostname, host(a.client_addr), 'local socket'), a.backend_start"
                + " from pg_catalog.pg_locks l join pg_catalog.pg_stat_activity a on a.pid = l.pid"
                + " where l.locktype = 'advisory' and l.granted and l.classid = ?::oid and l.objid = ?::oid"
                + " and l.objsubid = 2 and l.database = (select oid from pg_catalog.pg_database"
                + " where datname = pg_catalog.current_database()) and l.pid <> pg_catalog.pg_backend_pid()")) {
            query.setLong(1, Integer.toUnsignedLong(NAMESPACE));
            query.setLong(2, Integer.toUnsignedLong(key));
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) return Optional.empty();
                return Optional.of(new Holder(rows.getInt(1), "pid " + rows.getInt(1) + ", application '"
                        + rows.getString(3) + "', user " + rows.getString(2) + ", client " + rows.getString(4)
                        + ", connected since " + rows.getTimestamp(5).toInstant()));
            }
        }
    }
}
