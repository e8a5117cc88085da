package dev.slipway.backup;

import dev.slipway.config.BackupFormat;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Backups#backup} should dump.
 *
 * @param tables        the tables to dump ({@code name} or {@code schema.name}); empty for the whole database
 * @param format        the dump format; empty for the configured one
 * @param jobs          how many {@code pg_dump} processes dump in parallel; more than 1 needs the directory format
 * @param verifyRestore whether to restore the dump into a scratch database and compare row counts table by table
 */
public record BackupRequest(List<String> tables, Optional<BackupFormat> format, int jobs, boolean verifyRestore) {
    /** Checks the values. */
    public BackupRequest {
        tables = List.copyOf(tables);
        if (tables.stream().anyMatch(String::isBlank)) throw new IllegalArgumentException("a table name is empty");
        if (jobs < 1) throw new IllegalArgumentException("jobs must be 1 or more, not " + jobs);
    }

    /** {@return a request for the whole database in the configured format, by one process, verified by listing} */
    public static BackupRequest wholeDatabase() {
        return new BackupRequest(List.of(), Optional.empty(), 1, false);
    }

    /** {@return a copy that dumps only {@code newTables} (empty: everything)} */
    public BackupRequest withTables(List<String> newTables) {
        return new BackupRequest(newTables, format, jobs, verifyRestore);
    }

    /** {@return a copy in another format (null: the configured one)} */
    public BackupRequest withFormat(BackupFormat newFormat) {
        return new BackupRequest(tables, Optional.ofNullable(newFormat), jobs, verifyRestore);
    }

    /** {@return a copy with another number of parallel processes} */
    public BackupRequest withJobs(int newJobs) {
        return new BackupRequest(tables, format, newJobs, verifyRestore);
    }

    /** {@return a copy that does or does not restore the dump into a scratch database to check it} */
    public BackupRequest withVerifyRestore(boolean newVerifyRestore) {
        return new BackupRequest(tables, format, jobs, newVerifyRestore);
    }
}
