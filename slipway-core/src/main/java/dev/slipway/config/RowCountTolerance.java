package dev.slipway.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many rows a table may lose between the row-count snapshot and {@code slipway verify} before the check fails:
 * a share of the snapshot's count ({@code "10%"}) or a number of rows ({@code "500"}). Growth never fails.
 *
 * @param percent the share in percent, when given as one; otherwise -1
 * @param rows    the number of rows, when given as one; otherwise -1
 */
public record RowCountTolerance(double percent, long rows) {
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*%");
    private static final Pattern ROWS = Pattern.compile("\\d{1,18}");

    /** Checks that exactly one form is given and lies in range. */
    public RowCountTolerance {
        if ((percent < 0) == (rows < 0)) throw new ConfigException("a tolerance is a percentage or a number of rows");
        if (percent > 100) throw new ConfigException("a tolerance above 100% allows nothing to be noticed");
    }

    /** {@return the default: 10%} */
    public static RowCountTolerance defaults() {
        return new RowCountTolerance(10, -1);
    }

    /**
     * {@return the tolerance {@code text} stands for: {@code "10%"}, {@code "0.5%"} or a whole number of rows}
     *
     * @throws ConfigException naming the text and the accepted forms
     */
    public static RowCountTolerance parse(String text) {
        String trimmed = text.strip();
        Matcher percent = PERCENT.matcher(trimmed);
        if (percent.matches()) return new RowCountTolerance(Double.parseDouble(percent.group(1)), -1);
        if (ROWS.matcher(trimmed).matches()) return new RowCountTolerance(-1, Long.parseLong(trimmed));
        throw new ConfigException("invalid tolerance '" + text + "'; expected a percentage such as \"10%\" or a"
                + " number of rows such as \"500\"");
    }

    /** {@return how many of {@code before} rows may go missing} */
    public long allowedLoss(long before) {
        return percent >= 0 ? (long) Math.floor(before * percent / 100.0) : rows;
    }

    /** {@return the tolerance as configuration writes it} */
    @Override
    public String toString() {
        if (rows >= 0) return rows + " rows";
        return (percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent)) + "%";
    }
}
