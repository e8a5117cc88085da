package dev.slipway.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Watches, from a second session, which sessions block the runner's statement while it waits for a lock.
 * <p>PostgreSQL forgets the wait the moment {@code lock_timeout} cancels it, so the blockers must be seen during the
 * wait: a statement that runs longer than a quarter second (or half its lock timeout, if that is shorter) is polled
 * with {@code pg_blocking_pids}. Fast statements cost nothing but the one watching session, opened by the first.
 * Thread-safe; one per run, closed at its end.
 */
final class BlockerWatch implements AutoCloseable {
    private static final long FIRST_LOOK_MS = 250;
    private static final long MIN_FIRST_LOOK_MS = 20;
    private static final long EVERY_MS = 200;

    private final SessionOpener opener;
    private final ScheduledThreadPoolExecutor scheduler = newScheduler();
    private Connection watcher;

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
    private volatile List<Blocker> lastSeen = List.of();

    BlockerWatch(SessionOpener opener) {
        this.opener = opener;
    }

    /**
     * Starts watching the backend {@code pid}; close the returned handle when its statement ends.
     *
     * @param pid         the runner's backend
     * @param lockTimeout the statement's {@code lock_timeout}; the first look comes before it expires
     */
    Watching watch(int pid, Duration lockTimeout) {
        lastSeen = List.of();
        // the watching session is opened before the first statement that could wait, not by the first look: opening
        // takes longer than a short lock_timeout, and a wait that has ended can no longer be seen
        openWatcher();
        long firstLook = lockTimeout.isZero() ? FIRST_LOOK_MS
                : Math.max(MIN_FIRST_LOOK_MS, Math.min(FIRST_LOOK_MS, lockTimeout.toMillis() / 2));
        ScheduledFuture<?> polling = scheduler.scheduleWithFixedDelay(() -> poll(pid), firstLook,
                Math.min(EVERY_MS, firstLook), TimeUnit.MILLISECONDS);
        return () -> polling.cancel(false);
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

    private synchronized void poll(int pid) {
        try {
            if (watcher == null || watcher.isClosed()) watcher = opener.open();
            try (PreparedStatement query = watcher.prepareStatement("select a.pid, a.usename, a.application_name,"
                    + " a.state, a.xact_start, left(a.query, 200) from pg_catalog.pg_stat_activity a"
                    + " where a.pid = any(pg_catalog.pg_blocking_pids(?))")) {
                query.setInt(1, pid);
                List<Blocker> seen = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        java.sql.Timestamp since = rows.getTimestamp(5);
                        seen.add(new Blocker(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getString(4),
                                since == null ? null : since.toInstant(), rows.getString(6)));
                    }
                }
                if (!seen.isEmpty()) lastSeen = List.copyOf(seen);
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
