package dev.slipway.verify;

import java.util.List;
import java.util.Objects;

/**
 * What one verification found.
 *
 * @param check   the kind of check, as {@code --only} names it ({@code revision}, {@code smoke}, {@code indexes},
 *                ...)
 * @param name    what was checked, e.g. {@code revision} or the first line of a smoke query
 * @param status  passed, failed or skipped
 * @param summary one line: what was found
 * @param details the offending rows or objects, at most {@link #MAX_DETAILS} of them, each one line; may be empty
 * @param source  where a user's check is written ({@code checks/orders.sql:3}), or null for a built-in check
 */
public record CheckResult(String check, String name, CheckStatus status, String summary, List<String> details,
                          String source) {
    /** How many offending rows or objects a result shows; the summary gives the total. */
    public static final int MAX_DETAILS = 5;

    /** Checks the parts are present and caps the details. */
    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        details = List.copyOf(details.size() > MAX_DETAILS ? details.subList(0, MAX_DETAILS) : details);
    }

    /** {@return a pass of a built-in check} */
    public static CheckResult passed(String check, String name, String summary) {
        return new CheckResult(check, name, CheckStatus.PASSED, summary, List.of(), null);
    }

    /** {@return a failure of a built-in check, with examples} */
    public static CheckResult failed(String check, String name, String summary, List<String> details) {
        return new CheckResult(check, name, CheckStatus.FAILED, summary, details, null);
    }

    /** {@return a built-in check that did not apply, and why} */
    public static CheckResult skipped(String check, String name, String why) {
        return new CheckResult(check, name, CheckStatus.SKIPPED, why, List.of(), null);
    }

    /** {@return the same result, attributed to {@code newSource}} */
    public CheckResult withSource(String newSource) {
        return new CheckResult(check, name, status, summary, details, newSource);
    }

    /** {@return the same result with other details} */
    public CheckResult withDetails(List<String> newDetails) {
        return new CheckResult(check, name, status, summary, newDetails, source);
    }

    /** {@return whether it failed} */
    public boolean failed() {
        return status == CheckStatus.FAILED;
    }
}
