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

    StepFailure(String message, SourcePosition where, Throwable cause, List<Blocker> blockers, int attempts,
            boolean lockTimeout) {
        super(message, cause);
        this.where = where;
        this.blockers = List.copyOf(blockers);
        this.attempts = attempts;
        this.lockTimeout = lockTimeout;
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
