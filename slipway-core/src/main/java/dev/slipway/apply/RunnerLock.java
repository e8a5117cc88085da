package dev.slipway.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Serialises runners on one database with a session-level advisory lock.
 * <p>Session-level rather than transaction-level because a non-transactional migration commits many times and the
 * lock must outlive every commit, and because a lock held by an idle session is never waited on by
 * {@code CREATE INDEX CONCURRENTLY} (Flyway's transactional lock makes such a build wait forever). The lock dies with
 * its connection, so a killed runner never leaves a stale lock behind.
 * <p>Other commands that must not run beside a migration, such as a restore, take the same lock with
 * {@link #tryTake}.
 * <p>Not thread-safe; one instance per runner connection.
 */
public final class RunnerLock implements AutoCloseable {
    /** 'SLPW': the first key of Slipway's advisory locks; the second is derived from the history schema. */
    private static final int NAMESPACE = 0x534c5057;

    private final Connection connection;
    private final int key;
    private boolean held;

    private RunnerLock(Connection connection, int key) {
        this.connection = connection;
        this.key = key;
    }

    /**
     * Takes the lock, waiting up to {@code wait} for another runner to release it.
     *
     * @throws LockHeldException when another session still holds it after {@code wait}
     */
    static RunnerLock acquire(Connection connection, String historySchema, Duration wait,
            java.util.function.Consumer<String> onFirstWait)
            throws SQLException, LockHeldException {
        RunnerLock lock = new RunnerLock(connection, historySchema.hashCode());
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        while (!lock.tryLock()) {
            if (System.nanoTime() >= deadline) {
                throw new LockHeldException(lock.holder(), wait);
            }
            if (!told) {
                onFirstWait.accept(lock.holder().map(LockHolder::describe).orElse("another session"));
                told = true;
            }
            try {
                Thread.sleep(Math.min(250, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the runner lock", e);
            }
        }
        return lock;
    }

    /**
     * Tries once, without waiting, to take the lock on {@code connection} for as long as that connection lives.
     *
     * @param connection    the session to hold it; the lock ends when it closes
     * @param historySchema the history schema, which names the lock of one project's runners
     * @return empty when it was taken; otherwise the session holding it, or a holder with pid 0 when that session
     *     ended before it could be seen
     */
    public static Optional<LockHolder> tryTake(Connection connection, String historySchema) throws SQLException {
        RunnerLock lock = new RunnerLock(connection, historySchema.hashCode());
        if (lock.tryLock()) return Optional.empty();
        return Optional.of(lock.holder().orElse(new LockHolder(0, "?", "?", "?", null, "ended")));
    }

    /**
     * Tries once, without waiting, to take the deploy lock on {@code connection}: a lock of its own, beside the
     * runner lock, that one {@code deploy} holds from its preflight to its report, so that a second deploy cannot
     * migrate between the first one's backup and its rollback.
     *
     * @return empty when it was taken; otherwise the session holding it (pid 0 when it ended before it was seen)
     */
    public static Optional<LockHolder> tryTakeDeployLock(Connection connection, String historySchema)
            throws SQLException {
        RunnerLock lock = new RunnerLock(connection, ("deploy:" + historySchema).hashCode());
        if (lock.tryLock()) return Optional.empty();
        return Optional.of(lock.holder().orElse(new LockHolder(0, "?", "?", "?", null, "ended")));
    }

    private boolean tryLock() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            query.setInt(1, NAMESPACE);
            query.setInt(2, key);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                held = rows.getBoolean(1);
                return held;
            }
        }
    }

    /** {@return the session holding the lock now, if it can be seen} */
    Optional<LockHolder> holder() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select a.pid, a.usename, a.application_name,"
                + " coalesce(a.client_hostname, host(a.client_addr), 'local socket'), a.backend_start, a.state"
                + " from pg_catalog.pg_locks l join pg_catalog.pg_stat_activity a on a.pid = l.pid"
                + " where l.locktype = 'advisory' and l.granted and l.classid = ?::oid and l.objid = ?::oid"
                + " and l.objsubid = 2 and l.database = (select oid from pg_catalog.pg_database"
                + " where datname = current_database()) and l.pid <> pg_backend_pid()")) {
            query.setLong(1, Integer.toUnsignedLong(NAMESPACE));
            query.setLong(2, Integer.toUnsignedLong(key));
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) return Optional.empty();
                return Optional.of(new LockHolder(rows.getInt(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getTimestamp(5).toInstant(), rows.getString(6)));
            }
        }
    }

    @Override
    public void close() throws SQLException {
        if (!held || connection.isClosed()) return;
        try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            unlock.setInt(1, NAMESPACE);
            unlock.setInt(2, key);
            unlock.execute();
        }
        held = false;
    }

    /**
     * The session that holds the runner lock.
     *
     * @param pid         its backend process id
     * @param user        its database user
     * @param application its application name (Slipway sets {@code slipway@<host>})
     * @param client      its client host or address
     * @param since       when its session started
     * @param state       its state (idle, active, ...)
     */
    public record LockHolder(int pid, String user, String application, String client, Instant since,
            String state) {
        /** {@return who it is, e.g. {@code pid 123, application 'slipway@ci', user app, client 10.0.0.5, ...}} */
        public String describe() {
            if (pid == 0) return "a session that has just ended";
            return "pid " + pid + ", application '" + application + "', user " + user + ", client " + client
                    + ", connected since " + since;
        }
    }

    /** Another runner kept the lock for longer than the wait allowed. */
    static final class LockHeldException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Optional<LockHolder> holder;
        private final transient Duration waited;

        LockHeldException(Optional<LockHolder> holder, Duration waited) {
            super("runner lock held by " + holder.map(LockHolder::describe).orElse("a session that has just ended"));
            this.holder = holder;
            this.waited = waited;
        }

        Optional<LockHolder> holder() {
            return holder;
        }

        Duration waited() {
            return waited;
        }
    }
}
