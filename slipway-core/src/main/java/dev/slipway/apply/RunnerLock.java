package dev.slipway.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Serialises runners on one database with a session-level advisory lock, and keeps them out while a deploy runs.
 * <p>Session-level rather than transaction-level because a non-transactional migration commits many times and the
 * lock must outlive every commit, and because a lock held by an idle session is never waited on by
 * {@code CREATE INDEX CONCURRENTLY} (Flyway's transactional lock makes such a build wait forever). The lock dies with
 * its connection, so a killed runner never leaves a stale lock behind.
 * <p>A deploy holds a second lock, the deploy lock, exclusively from its preflight to its report. A run on its own
 * (a {@code migrate}, {@code downgrade}, {@code restore}, {@code stamp} from another terminal, or an application
 * migrating at start-up) holds the deploy lock shared beside the runner lock: so it cannot run between a deploy's
 * backup and its rollback, and a deploy cannot start while it runs. The deploy's own steps take only the runner lock.
 * <p>Other commands that must not run beside a migration, such as a restore, take the same locks with
 * {@link #tryTake}.
 * <p>Not thread-safe; one instance per runner connection.
 */
public final class RunnerLock implements AutoCloseable {
    /** 'SLPW': the first key of Slipway's advisory locks; the second is derived from the history schema. */
    private static final int NAMESPACE = 0x534c5057;

    /** Who takes the runner lock. */
    public enum Role {
        /** A run on its own: it also holds the deploy lock shared, so no deploy runs beside it. */
        ON_ITS_OWN,
        /** A step of the deploy that holds the deploy lock: the runner lock alone. */
        DEPLOY_STEP
    }

    private final Connection connection;
    private final int runnerKey;
    private final int deployKey;
    private final Role role;
    private boolean holdsRunnerLock;
    private boolean holdsDeployShare;

    private RunnerLock(Connection connection, String historySchema, Role role) {
        this.connection = connection;
        this.runnerKey = historySchema.hashCode();
        this.deployKey = deployKey(historySchema);
        this.role = role;
    }

    private static int deployKey(String historySchema) {
        return ("deploy:" + historySchema).hashCode();
    }

    /**
     * Takes the lock, waiting up to {@code wait} for another runner, or a deploy, to release it.
     *
     * @throws LockHeldException when another session still holds it after {@code wait}
     */
    static RunnerLock acquire(Connection connection, String historySchema, Role role, Duration wait,
            java.util.function.Consumer<String> onFirstWait)
            throws SQLException, LockHeldException {
        RunnerLock lock = new RunnerLock(connection, historySchema, role);
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        Optional<Integer> heldKey;
        while ((heldKey = lock.tryLock()).isPresent()) {
            if (System.nanoTime() >= deadline) {
                throw new LockHeldException(lock.holder(heldKey.get()), wait);
            }
            if (!told) {
                onFirstWait.accept(lock.holder(heldKey.get()).map(LockHolder::describe).orElse("another session"));
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
     * @param role          whether the caller runs on its own or as a step of a deploy
     * @return empty when it was taken; otherwise the session holding it (a deploy, or another runner), or a holder
     *     with pid 0 when that session ended before it could be seen
     */
    public static Optional<LockHolder> tryTake(Connection connection, String historySchema, Role role)
            throws SQLException {
        RunnerLock lock = new RunnerLock(connection, historySchema, role);
        Optional<Integer> heldKey = lock.tryLock();
        if (heldKey.isEmpty()) return Optional.empty();
        return Optional.of(lock.holder(heldKey.get()).orElse(LockHolder.ENDED));
    }

    /**
     * Tries once, without waiting, to take the deploy lock on {@code connection}, exclusively: one {@code deploy}
     * holds it from its preflight to its report, so that no other deploy, and no run on its own, can migrate
     * between its backup and its rollback.
     *
     * @return empty when it was taken; otherwise the session holding it, a deploy or a run on its own (pid 0 when
     *     it ended before it was seen)
     */
    public static Optional<LockHolder> tryTakeDeployLock(Connection connection, String historySchema)
            throws SQLException {
        RunnerLock lock = new RunnerLock(connection, historySchema, Role.DEPLOY_STEP);
        if (lock.tryAdvisory("pg_try_advisory_lock", lock.deployKey)) return Optional.empty();
        return Optional.of(lock.holder(lock.deployKey).orElse(LockHolder.ENDED));
    }

    /**
     * {@return the other sessions running now: the one holding the deploy lock exclusively (a deploy), and the one
     * holding the runner lock (a migration run, on its own or as a deploy's step); reads only}
     */
    public static List<LockHolder> running(Connection connection, String historySchema) throws SQLException {
        RunnerLock lock = new RunnerLock(connection, historySchema, Role.ON_ITS_OWN);
        List<LockHolder> running = new ArrayList<>();
        lock.holder(lock.deployKey).filter(LockHolder::deploy).ifPresent(running::add);
        lock.holder(lock.runnerKey).ifPresent(running::add);
        return running;
    }

    /** {@return empty when every lock the role needs was taken, else the key of the one another session holds} */
    private Optional<Integer> tryLock() throws SQLException {
        if (role == Role.ON_ITS_OWN) {
            holdsDeployShare = tryAdvisory("pg_try_advisory_lock_shared", deployKey);
            if (!holdsDeployShare) return Optional.of(deployKey);
        }
        holdsRunnerLock = tryAdvisory("pg_try_advisory_lock", runnerKey);
        if (holdsRunnerLock) return Optional.empty();
        if (holdsDeployShare) {
            // let a deploy that comes next start while this one waits for the runner lock
            unlock("pg_advisory_unlock_shared", deployKey);
            holdsDeployShare = false;
        }
        return Optional.of(runnerKey);
    }

    private boolean tryAdvisory(String function, int key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select pg_catalog." + function + "(?, ?)")) {
            query.setInt(1, NAMESPACE);
            query.setInt(2, key);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private void unlock(String function, int key) throws SQLException {
        try (PreparedStatement unlock = connection.prepareStatement("select pg_catalog." + function + "(?, ?)")) {
            unlock.setInt(1, NAMESPACE);
            unlock.setInt(2, key);
            unlock.execute();
        }
    }

    /** {@return the session holding the lock of {@code key} now, if it can be seen} */
    private Optional<LockHolder> holder(int key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select a.pid, a.usename, a.application_name,"
                + " coalesce(a.client_hostname, host(a.client_addr), 'local socket'), a.backend_start, a.state,"
                + " l.mode = 'ExclusiveLock'"
                + " from pg_catalog.pg_locks l join pg_catalog.pg_stat_activity a on a.pid = l.pid"
                + " where l.locktype = 'advisory' and l.granted and l.classid = ?::oid and l.objid = ?::oid"
                + " and l.objsubid = 2 and l.database = (select oid from pg_catalog.pg_database"
                + " where datname = current_database()) and l.pid <> pg_backend_pid()"
                + " order by l.mode = 'ExclusiveLock' desc limit 1")) {
            query.setLong(1, Integer.toUnsignedLong(NAMESPACE));
            query.setLong(2, Integer.toUnsignedLong(key));
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) return Optional.empty();
                return Optional.of(new LockHolder(rows.getInt(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getTimestamp(5).toInstant(), rows.getString(6),
                        key == deployKey && rows.getBoolean(7)));
            }
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection.isClosed()) return;
        if (holdsRunnerLock) {
            unlock("pg_advisory_unlock", runnerKey);
            holdsRunnerLock = false;
        }
        if (holdsDeployShare) {
            unlock("pg_advisory_unlock_shared", deployKey);
            holdsDeployShare = false;
        }
    }

    /**
     * The session that holds the runner lock or the deploy lock.
     *
     * @param pid         its backend process id
     * @param user        its database user
     * @param application its application name (Slipway sets {@code slipway@<host>})
     * @param client      its client host or address
     * @param since       when its session started
     * @param state       its state (idle, active, ...)
     * @param deploy      whether it is a deploy (it holds the deploy lock exclusively) rather than a run
     */
    public record LockHolder(int pid, String user, String application, String client, Instant since,
            String state, boolean deploy) {
        /** A holder that ended before it could be seen. */
        static final LockHolder ENDED = new LockHolder(0, "?", "?", "?", null, "ended", false);

        /** {@return who it is, e.g. {@code pid 123, application 'slipway@ci', user app, client 10.0.0.5, ...}} */
        public String describe() {
            if (pid == 0) return "a session that has just ended";
            return "pid " + pid + ", application '" + application + "', user " + user + ", client " + client
                    + ", connected since " + since;
        }

        /**
         * {@return what a run it keeps out should do: wait for that deploy or run to finish, and how to see what it
         * does, e.g. {@code wait for that deploy to finish (see: select state, query from pg_stat_activity where
         * pid = 123)}}
         */
        public String waitForIt() {
            return "wait for that " + (deploy ? "deploy" : "run") + " to finish" + (pid == 0 ? ""
                    : " (see: select state, query from pg_stat_activity where pid = " + pid + ")");
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
