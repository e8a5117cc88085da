package dev.slipway.schema;

import java.util.Objects;

/**
 * One statement of a {@link DdlScript}, without its terminating semicolon.
 *
 * @param sql           the statement
 * @param destructive   whether running it discards data: a dropped table, column or sequence, or a cast that fails
 *                      or loses values for rows that do not fit the new type
 * @param transactional whether it may share a transaction with the statements around it; false for
 *                      {@code ALTER TYPE ... ADD VALUE}, whose new label cannot be used before it commits (and which
 *                      cannot run in a transaction block at all before PostgreSQL 12)
 */
public record DdlStatement(String sql, boolean destructive, boolean transactional) {
    /** Checks that there is a statement. */
    public DdlStatement {
        Objects.requireNonNull(sql, "sql");
        if (sql.isBlank()) throw new IllegalArgumentException("a DDL statement needs some SQL");
    }

    /** {@return a statement that keeps data and runs in a transaction} */
    static DdlStatement of(String sql) {
        return new DdlStatement(sql, false, true);
    }

    /** {@return a statement that discards data and runs in a transaction} */
    static DdlStatement destructive(String sql) {
        return new DdlStatement(sql, true, true);
    }
}
