package dev.slipway.lint;

import java.time.Duration;
import java.util.Objects;

/**
 * How to plan.
 *
 * @param maxBlocking     how long a statement may block others before the plan asks for review
 * @param checkTimeout    the time limit of each read-only query that looks at today's rows
 * @param sampleAboveRows from how many rows a table is only sampled by those queries
 * @param largeTableRows  from how many rows an unbatched UPDATE or DELETE is flagged
 */
public record PlanOptions(Duration maxBlocking, Duration checkTimeout, long sampleAboveRows, long largeTableRows) {

    /** Checks the limits are present and positive. */
    public PlanOptions {
        Objects.requireNonNull(maxBlocking, "maxBlocking");
        Objects.requireNonNull(checkTimeout, "checkTimeout");
        if (checkTimeout.isNegative() || checkTimeout.isZero()) {
            throw new IllegalArgumentException("checkTimeout must be positive: " + checkTimeout);
        }
        if (sampleAboveRows < 1 || largeTableRows < 0) {
            throw new IllegalArgumentException("bad row limits: " + sampleAboveRows + ", " + largeTableRows);
        }
    }

    /** {@return 1 s of blocking, 5 s per check, sampling above 10 million rows, large from 100,000 rows} */
    public static PlanOptions defaults() {
        return new PlanOptions(Duration.ofSeconds(1), Duration.ofSeconds(5), 10_000_000,
                LintOptions.DEFAULT_LARGE_TABLE_ROWS);
    }

    /** {@return a copy with another blocking limit} */
    public PlanOptions withMaxBlocking(Duration newMaxBlocking) {
        return new PlanOptions(newMaxBlocking, checkTimeout, sampleAboveRows, largeTableRows);
    }
}
