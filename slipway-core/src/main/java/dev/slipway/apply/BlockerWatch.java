package dev.slipway.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Watches the runner's statement from a second session: which sessions block it while it waits for a lock, and which
 * sessions wait behind it.
 * <p>PostgreSQL forgets the wait the moment {@code lock_timeout} cancels it, so the blockers must be seen during the
 * wait: a statement that runs longer than a quarter second (or half its lock timeout, if that is shorter) is polled
 * with {@code pg_blocking_pids}. Fast statements cost nothing but the one watching session, opened by the first.
 * <p>The same look finds the sessions queued behind the statement (their {@code pg_blocking_pids} name the runner),
 * which is how an {@code ALTER TABLE} that rewrites a busy table, or one stuck in the lock queue, stalls an
 * application. When one of them has waited longer than the statement's limit, the watch cancels the statement with
 * {@code pg_cancel_backend}; the runner then rolls back and retries, as after a lock timeout. Sessions waiting for
 * an advisory lock (another runner waiting its turn) do not count.
 * <p>Thread-safe; one per run, closed at its end.
 */
final class BlockerWatch implements AutoCloseable {
    private static final long FIRST_LOOK_MS = 250;
    private static final long MIN_FIRST_LOOK_MS = 20;
    private static final long EVERY_MS = 200;
    private static final String BLOCKERS = "select a.pid, a.usename, a.application_name, a.state, a.xact_start,"
            + " left(a.query, 200), -1 from pg_catalog.pg_stat_activity a"
            + " where a.pid = any(pg_catalog.pg_blocking_pids(?))";
    /**
     * The same (waited: -1), plus who waits behind {@code pid} and for how long in ms, counted from the start of
     * the waiting query; advisory waits are other runners.
     */
    private static final String BLOCKERS_AND_WAITERS = BLOCKERS + " union all"
            + " select a.pid, a.usename, a.application_name, a.state, a.xact_start, left(a.query, 200),"
            + " greatest(0, (extract(epoch from clock_timestamp() - a.query_start) * 1000)::bigint)"
            + " from pg_catalog.pg_stat_activity a where a.pid <> ? and a.wait_event_type = 'Lock'"
            + " and a.wait_event <> 'advisory' and ? = any(pg_catalog.pg_blocking_pids(a.pid))";

    private final SessionOpener opener;
    private final ScheduledThreadPoolExecutor scheduler = newScheduler();
    private Connection watcher;
    private volatile List<Blocker> lastSeen = List.of();
    private volatile List<Blocker> cancelledFor = List.of();

    BlockerWatch(SessionOpener opener) {
        this.opener = opener;
    }

    /** One daemon thread; a watch cancelled when its statement ends is dropped at once, not kept until it is due. */
    private static ScheduledThreadPoolExecutor newScheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "slipway-blocker-watch");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    /**
     * Starts watching the backend {@code pid}; close the returned handle when its statement ends.
     *
     * @param pid         the runner's backend
     * @param lockTimeout the statement's {@code lock_timeout}; the first look comes before it expires
     * @param maxBlocking how long a session may wait behind the statement before it is cancelled; zero: never
     */
    Watching watch(int pid, Duration lockTimeout, Duration maxBlocking) {
        lastSeen = List.of();
        cancelledFor = List.of();
        // the watching session is opened before the first statement that could wait, not by the first look: opening
        // takes longer than a short lock_timeout, and a wait that has ended can no longer be seen
        openWatcher();
        long firstLook = FIRST_LOOK_MS;
        if (!lockTimeout.isZero()) firstLook = Math.min(firstLook, lockTimeout.toMillis() / 2);
        if (!maxBlocking.isZero()) firstLook = Math.min(firstLook, maxBlocking.toMillis() / 2);
        firstLook = Math.max(MIN_FIRST_LOOK_MS, firstLook);
        AtomicBoolean running = new AtomicBoolean(true);
        ScheduledFuture<?> polling = scheduler.scheduleWithFixedDelay(() -> poll(pid, maxBlocking, running),
                firstLook, Math.min(EVERY_MS, firstLook), TimeUnit.MILLISECONDS);
        return () -> endWatch(polling, running);
    }

    /**
     * Stops the polling and waits for a look in progress, so that no cancel meant for this statement can reach the
     * next one (a cancel that arrives while the session is idle is ignored by the server).
     */
    private synchronized void endWatch(ScheduledFuture<?> polling, AtomicBoolean running) {
        running.set(false);
        polling.cancel(false);
    }

    private synchronized void openWatcher() {
        try {
            if (watcher == null || watcher.isClosed()) watcher = opener.open();
        } catch (SQLException e) {
            // watching is best effort; the first look tries again
        }
    }

    /** {@return the blockers seen last during the most recent watch, or none} */
    List<Blocker> lastSeen() {
        return lastSeen;
    }

    /**
     * {@return the sessions that had waited too long behind the statement of the most recent watch when the watch
     * cancelled it; empty when it did not cancel it}
     */
    List<Blocker> cancelledFor() {
        return cancelledFor;
    }

    private synchronized void poll(int pid, Duration maxBlocking, AtomicBoolean running) {
        if (!running.get()) return;   // the statement has ended; a look that started late must not cancel the next
        try {
            if (watcher == null || watcher.isClosed()) watcher = opener.open();
            boolean limited = !maxBlocking.isZero();
            List<Blocker> blockers = new ArrayList<>();
            List<Blocker> waitedTooLong = new ArrayList<>();
            try (PreparedStatement query = watcher.prepareStatement(limited ? BLOCKERS_AND_WAITERS : BLOCKERS)) {
                query.setInt(1, pid);
                if (limited) {
                    query.setInt(2, pid);
                    query.setInt(3, pid);
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Timestamp since = rows.getTimestamp(5);
                        Blocker session = new Blocker(rows.getInt(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), since == null ? null : since.toInstant(), rows.getString(6));
                        long waitedMs = rows.getLong(7);
                        if (waitedMs < 0) {
                            blockers.add(session);
                        } else if (waitedMs >= maxBlocking.toMillis()) {
                            waitedTooLong.add(session);
                        }
                    }
                }
            }
            if (!blockers.isEmpty()) lastSeen = List.copyOf(blockers);
            if (!waitedTooLong.isEmpty() && cancelledFor.isEmpty()) {
                cancelledFor = List.copyOf(waitedTooLong);
                try (PreparedStatement cancel = watcher.prepareStatement("select pg_catalog.pg_cancel_backend(?)")) {
                    cancel.setInt(1, pid);
                    cancel.execute();
                }
            }
        } catch (SQLException e) {
            // watching is best effort: the statement's own outcome is what counts
        }
    }

    @Override
    public synchronized void close() {
        scheduler.shutdownNow();
        if (watcher != null) {
            try {
                watcher.close();
            } catch (SQLException e) {
                // nothing left to do with it
            }
        }
    }

    /** A watch in progress. */
    @FunctionalInterface
    interface Watching extends AutoCloseable {
        @Override
        void close();
    }
}
