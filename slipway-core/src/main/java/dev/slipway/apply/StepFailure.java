package dev.slipway.apply;

import dev.slipway.migration.SourcePosition;
import java.sql.SQLException;
import java.util.List;

/**
 * A step of a migration failed for good (after any retries); carries what the final message needs.
 */
final class StepFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient SourcePosition where;
    private final transient List<Blocker> blockers;
    private final int attempts;
    private final boolean lockTimeout;
    private final transient List<Blocker> waiters;

    StepFailure(String message, SourcePosition where, Throwable cause, List<Blocker> blockers, int attempts,
            boolean lockTimeout, List<Blocker> waiters) {
        super(message, cause);
        this.where = where;
        this.blockers = List.copyOf(blockers);
        this.attempts = attempts;
        this.lockTimeout = lockTimeout;
        this.waiters = List.copyOf(waiters);
    }

    /** {@return the sessions that waited too long behind the statement, when it was cancelled for them; else none} */
    List<Blocker> waiters() {
        return waiters;
    }

    SourcePosition where() {
        return where;
    }

    List<Blocker> blockers() {
        return blockers;
    }

    int attempts() {
        return attempts;
    }

    boolean isLockTimeout() {
        return lockTimeout;
    }

    /** {@return the SQLSTATE of the cause, if it came from the server} */
    String sqlState() {
        return getCause() instanceof SQLException e ? e.getSQLState() : null;
    }
}
