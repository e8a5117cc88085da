package dev.slipway.lint;

import java.util.Objects;

/**
 * How to lint.
 *
 * @param pgMajor        the major version of the server the migrations will run on, such as 16; rules whose verdict
 *                       or fix depends on it use it
 * @param sizes          live table sizes, or {@link TableSizes#NONE} offline
 * @param largeTableRows from how many rows a table counts as large, for rules that need live sizes
 */
public record LintOptions(int pgMajor, TableSizes sizes, long largeTableRows) {
    /** The version assumed when none is given: the newest major Slipway supports. */
    public static final int DEFAULT_PG_MAJOR = 17;
    /** The default for {@link #largeTableRows()}. */
    public static final long DEFAULT_LARGE_TABLE_ROWS = 100_000;

    /** Checks the version is plausible and the parts are present. */
    public LintOptions {
        if (pgMajor < 9 || pgMajor > 99) throw new IllegalArgumentException("not a PostgreSQL major version: "
                + pgMajor + " (e.g. 16)");
        Objects.requireNonNull(sizes, "sizes");
        if (largeTableRows < 0) throw new IllegalArgumentException("largeTableRows is negative: " + largeTableRows);
    }

    /** {@return offline linting for the default version} */
    public static LintOptions defaults() {
        return new LintOptions(DEFAULT_PG_MAJOR, TableSizes.NONE, DEFAULT_LARGE_TABLE_ROWS);
    }

    /** {@return a copy for another server version} */
    public LintOptions withPgMajor(int newPgMajor) {
        return new LintOptions(newPgMajor, sizes, largeTableRows);
    }

    /** {@return a copy that knows live table sizes} */
    public LintOptions withSizes(TableSizes newSizes) {
        return new LintOptions(pgMajor, newSizes, largeTableRows);
    }

    /**
     * {@return the major version a {@code --pg-version} value names: {@code 16}, {@code 16.4} or {@code 9.6}}
     * @throws IllegalArgumentException when it names none
     */
    public static int parsePgVersion(String text) {
        String trimmed = text.strip();
        if (!trimmed.matches("\\d{1,2}(\\.\\d{1,3}){0,2}")) {
            throw new IllegalArgumentException("not a PostgreSQL version: '" + text + "' (e.g. 16 or 15.4)");
        }
        int major = Integer.parseInt(trimmed.split("\\.")[0]);
        if (major < 9) {
            throw new IllegalArgumentException("PostgreSQL " + text + " is too old to lint for (9.0 or newer)");
        }
        return major;
    }
}
