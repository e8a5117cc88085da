package dev.slipway.verify;

import java.util.List;
import java.util.Objects;

/**
 * Every verification's result and the verdict.
 *
 * @param verdict {@code PASSED} when nothing failed (skipped checks do not fail a verification), else
 *                {@code FAILED}
 * @param passed  how many checks passed
 * @param failed  how many failed
 * @param skipped how many were skipped
 * @param results the results in the order the checks ran
 */
public record VerifyReport(CheckStatus verdict, int passed, int failed, int skipped, List<CheckResult> results) {
    /** Checks that the counts and the verdict agree with the results. */
    public VerifyReport {
        Objects.requireNonNull(verdict, "verdict");
        results = List.copyOf(results);
        if (passed != count(results, CheckStatus.PASSED) || failed != count(results, CheckStatus.FAILED)
                || skipped != count(results, CheckStatus.SKIPPED)) {
            throw new IllegalArgumentException("the counts do not match the results");
        }
        if (verdict != (failed > 0 ? CheckStatus.FAILED : CheckStatus.PASSED)) {
            throw new IllegalArgumentException("the verdict does not match the results");
        }
    }

    /** {@return the report of {@code results}} */
    public static VerifyReport of(List<CheckResult> results) {
        int failed = count(results, CheckStatus.FAILED);
        return new VerifyReport(failed > 0 ? CheckStatus.FAILED : CheckStatus.PASSED,
                count(results, CheckStatus.PASSED), failed, count(results, CheckStatus.SKIPPED), results);
    }

    /** {@return whether nothing failed} */
    public boolean ok() {
        return verdict == CheckStatus.PASSED;
    }

    private static int count(List<CheckResult> results, CheckStatus status) {
        return (int) results.stream().filter(r -> r.status() == status).count();
    }
}
