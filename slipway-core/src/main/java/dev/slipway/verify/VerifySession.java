package dev.slipway.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs verification queries on one connection, each in a read-only transaction of its own with a statement timeout,
 * rolled back afterwards. A transaction per query because a query that fails (a timeout, a user's check on a table
 * that is gone) aborts its transaction, and the next check must not inherit that.
 * <p>Not thread-safe; the checks of one run use it one after another.
 */
public final class VerifySession {
    private final Connection connection;
    private final Duration statementTimeout;

    /**
     * Runs the queries of one verification on {@code connection}.
     *
     * @param connection       the session, closed by the caller; each query leaves its commit mode as it was
     * @param statementTimeout the {@code statement_timeout} of each query; zero is none
     */
    public VerifySession(Connection connection, Duration statementTimeout) {
        this.connection = connection;
        this.statementTimeout = statementTimeout;
    }

    /** {@return the statement timeout of each query; zero is none} */
    public Duration statementTimeout() {
        return statementTimeout;
    }

    /**
     * {@return the first {@code maxRows} rows of {@code sql}, and whether there were more}
     *
     * @throws SQLException as the server reported it; the transaction is rolled back
     */
    public Rows query(String sql, int maxRows) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        Rows rows;
        try {
            rows = read(sql, maxRows);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);    // the first error is the one to report
            }
            throw e;
        }
        connection.rollback();
        // a pooled connection goes back to the application's pool as it came
        connection.setAutoCommit(autoCommit);
        return rows;
    }

    private Rows read(String sql, int maxRows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction read only");
            statement.execute("set local statement_timeout = " + statementTimeout.toMillis());
            statement.setMaxRows(maxRows + 1);
            try (ResultSet rows = statement.executeQuery(sql)) {
                ResultSetMetaData meta = rows.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) columns.add(meta.getColumnLabel(i));
                List<List<Object>> values = new ArrayList<>();
                boolean more = false;
                while (rows.next()) {
                    if (values.size() == maxRows) {
                        more = true;
                        break;
                    }
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) row.add(rows.getObject(i));
                    values.add(row);
                }
                return new Rows(columns, values, more);
            }
        }
    }

    /** {@return the single number {@code sql} returns} */
    public long queryLong(String sql) throws SQLException {
        Rows rows = query(sql, 1);
        Object value = rows.isEmpty() ? null : rows.value(0, 0);
        if (!(value instanceof Number number)) throw new SQLException("expected a number from: " + sql);
        return number.longValue();
    }
}
