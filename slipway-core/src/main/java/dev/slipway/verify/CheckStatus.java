package dev.slipway.verify;

/** How one verification came out. */
public enum CheckStatus {
    /** It ran and found nothing wrong. */
    PASSED,
    /** It found a problem, or could not finish (a timeout, an error), which is not a pass either. */
    FAILED,
    /** It did not apply: no snapshot to compare with, a check of a migration that is not applied yet. */
    SKIPPED
}
