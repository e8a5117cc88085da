package dev.slipway;

/** The documented exit statuses of every Slipway operation; the command line exits with {@link #code()}. */
public enum ExitStatus {
    /** Done. */
    OK(0),
    /** The operation failed; the database is left as the message says. */
    FAILED(1),
    /** Bad usage, configuration or input; nothing was touched. */
    USAGE(2),
    /** A check found problems (lint findings, drift, failed verification or round trip). */
    CHECK_FAILED(3),
    /** The operation failed and the rollback policy ran. */
    ROLLED_BACK(4);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    /** {@return the process exit code} */
    public int code() {
        return code;
    }
}
