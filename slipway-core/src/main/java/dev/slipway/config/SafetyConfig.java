package dev.slipway.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code [safety]} section: how long Slipway lets its statements wait and block others.
 *
 * @param lockTimeout {@code lock_timeout} per statement; a lock wait past it is retried
 * @param lockRetries how many times a statement that hit {@code lockTimeout} is retried
 * @param statementTimeout {@code statement_timeout} per statement; zero means none
 * @param maxBlocking how long our statement may block other sessions before the watchdog cancels it
 * @param lockWait how long a second runner waits for the runner lock held by another
 * @param concurrentIndexTimeout the {@code lock_timeout} for the waits of {@code CREATE INDEX CONCURRENTLY}, which
 *     must wait for every older transaction to end
 */
public record SafetyConfig(Duration lockTimeout, int lockRetries, Duration statementTimeout, Duration maxBlocking,
                           Duration lockWait, Duration concurrentIndexTimeout) {
    /** Checks that no duration is negative and the retry count is not either. */
    public SafetyConfig {
        requireNonNegative(lockTimeout, "lock_timeout");
        requireNonNegative(statementTimeout, "statement_timeout");
        requireNonNegative(maxBlocking, "max_blocking");
        requireNonNegative(lockWait, "lock_wait");
        requireNonNegative(concurrentIndexTimeout, "concurrent_index_timeout");
        if (lockRetries < 0) throw new ConfigException("safety.lock_retries is negative: " + lockRetries);
    }

    private static void requireNonNegative(Duration duration, String key) {
        Objects.requireNonNull(duration, key);
        if (duration.isNegative()) throw new ConfigException("safety." + key + " is negative: " + duration);
    }

    /** {@return the defaults: 3s lock timeout, 5 retries, no statement timeout, 1s blocking, 60s lock wait, 30m} */
    public static SafetyConfig defaults() {
        return new SafetyConfig(Duration.ofSeconds(3), 5, Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofMinutes(30));
    }

    /** {@return a copy with another lock timeout} */
    public SafetyConfig withLockTimeout(Duration newLockTimeout) {
        return new SafetyConfig(newLockTimeout, lockRetries, statementTimeout, maxBlocking, lockWait,
                concurrentIndexTimeout);
    }

    /** {@return a copy with another retry count} */
    public SafetyConfig withLockRetries(int newLockRetries) {
        return new SafetyConfig(lockTimeout, newLockRetries, statementTimeout, maxBlocking, lockWait,
                concurrentIndexTimeout);
    }

    /** {@return a copy with another statement timeout} */
    public SafetyConfig withStatementTimeout(Duration newStatementTimeout) {
        return new SafetyConfig(lockTimeout, lockRetries, newStatementTimeout, maxBlocking, lockWait,
                concurrentIndexTimeout);
    }

    /** {@return a copy with another blocking limit} */
    public SafetyConfig withMaxBlocking(Duration newMaxBlocking) {
        return new SafetyConfig(lockTimeout, lockRetries, statementTimeout, newMaxBlocking, lockWait,
                concurrentIndexTimeout);
    }

    /** {@return a copy with another runner-lock wait} */
    public SafetyConfig withLockWait(Duration newLockWait) {
        return new SafetyConfig(lockTimeout, lockRetries, statementTimeout, maxBlocking, newLockWait,
                concurrentIndexTimeout);
    }

    /** {@return a copy with another timeout for concurrent index builds} */
    public SafetyConfig withConcurrentIndexTimeout(Duration newConcurrentIndexTimeout) {
        return new SafetyConfig(lockTimeout, lockRetries, statementTimeout, maxBlocking, lockWait,
                newConcurrentIndexTimeout);
    }
}
