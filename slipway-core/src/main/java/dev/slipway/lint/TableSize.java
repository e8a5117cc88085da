package dev.slipway.lint;

/**
 * How big a table is in the live database, from the catalog and the statistics collector.
 *
 * @param rows  the estimated number of rows ({@code pg_class.reltuples}, or {@code n_live_tup} when the table was never
 *              analysed)
 * @param bytes the size on disk of the table with its TOAST data and indexes ({@code pg_total_relation_size})
 */
public record TableSize(long rows, long bytes) {

    /** Checks that neither is negative. */
    public TableSize {
        if (rows < 0 || bytes < 0) throw new IllegalArgumentException("negative size: " + rows + " rows, " + bytes
                + " bytes");
    }
}
