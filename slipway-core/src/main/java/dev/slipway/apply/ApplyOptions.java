package dev.slipway.apply;

import java.time.Duration;

/**
 * How a run applies migrations.
 *
 * @param historySchema          the schema of the history tables
 * @param lockTimeout            {@code lock_timeout} of each statement unless a directive says otherwise
 * @param lockRetries            how many times a lock timeout (or a statement cancelled for blocking others) is
 *                               retried before the run fails
 * @param statementTimeout       {@code statement_timeout} of each statement, zero for none
 * @param lockWait               how long to wait for another runner's lock
 * @param concurrentIndexTimeout {@code lock_timeout} of a concurrent index build, which must wait for every older
 *                               transaction; a short limit would cancel it and leave an invalid index
 * @param outOfOrder             whether a pending version older than the newest applied one may be applied
 * @param maxBlocking            how long another session may wait behind a migration's statement before the
 *                               statement is cancelled (and retried like a lock timeout); zero for no limit
 */
public record ApplyOptions(String historySchema, Duration lockTimeout, int lockRetries, Duration statementTimeout,
        Duration lockWait, Duration concurrentIndexTimeout, boolean outOfOrder, Duration maxBlocking) {

    public ApplyOptions {
        if (historySchema == null || historySchema.isBlank()) {
            throw new IllegalArgumentException("history schema is empty");
        }
        if (lockRetries < 0) throw new IllegalArgumentException("lock retries must not be negative: " + lockRetries);
        requireNotNegative("lock timeout", lockTimeout);
        requireNotNegative("statement timeout", statementTimeout);
        requireNotNegative("lock wait", lockWait);
        requireNotNegative("concurrent index timeout", concurrentIndexTimeout);
        requireNotNegative("max blocking", maxBlocking);
    }

    /**
     * {@return the defaults of DESIGN.md: 3 s lock timeout, 5 retries, no statement timeout, 60 s lock wait, others
     * blocked for 1 s at most}
     */
    public static ApplyOptions defaults() {
        return new ApplyOptions("public", Duration.ofSeconds(3), 5, Duration.ZERO, Duration.ofSeconds(60),
                Duration.ofMinutes(30), false, Duration.ofSeconds(1));
    }

    private static void requireNotNegative(String what, Duration duration) {
        if (duration == null || duration.isNegative()) throw new IllegalArgumentException(what + " must be 0 or more");
    }

    public ApplyOptions withHistorySchema(String schema) {
        return new ApplyOptions(schema, lockTimeout, lockRetries, statementTimeout, lockWait, concurrentIndexTimeout,
                outOfOrder, maxBlocking);
    }

    public ApplyOptions withLockTimeout(Duration timeout) {
        return new ApplyOptions(historySchema, timeout, lockRetries, statementTimeout, lockWait, concurrentIndexTimeout,
                outOfOrder, maxBlocking);
    }

    public ApplyOptions withLockRetries(int retries) {
        return new ApplyOptions(historySchema, lockTimeout, retries, statementTimeout, lockWait, concurrentIndexTimeout,
                outOfOrder, maxBlocking);
    }

    public ApplyOptions withStatementTimeout(Duration timeout) {
        return new ApplyOptions(historySchema, lockTimeout, lockRetries, timeout, lockWait, concurrentIndexTimeout,
                outOfOrder, maxBlocking);
    }

    public ApplyOptions withLockWait(Duration wait) {
        return new ApplyOptions(historySchema, lockTimeout, lockRetries, statementTimeout, wait, concurrentIndexTimeout,
                outOfOrder, maxBlocking);
    }

    public ApplyOptions withConcurrentIndexTimeout(Duration timeout) {
        return new ApplyOptions(historySchema, lockTimeout, lockRetries, statementTimeout, lockWait, timeout,
                outOfOrder, maxBlocking);
    }

    public ApplyOptions withOutOfOrder(boolean allowed) {
        return new ApplyOptions(historySchema, lockTimeout, lockRetries, statementTimeout, lockWait,
                concurrentIndexTimeout, allowed, maxBlocking);
    }

    /** {@return a copy that lets others wait at most {@code limit} behind a statement (zero: no limit)} */
    public ApplyOptions withMaxBlocking(Duration limit) {
        return new ApplyOptions(historySchema, lockTimeout, lockRetries, statementTimeout, lockWait,
                concurrentIndexTimeout, outOfOrder, limit);
    }
}
