package dev.slipway.schema;

import dev.slipway.sql.SqlScript;
import dev.slipway.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs a {@link DdlScript} the way a migration runner would: its {@link DdlScript#text()} cut into statements,
 * consecutive transactional statements in one transaction, each non-transactional one on its own.
 */
final class DdlRun {
    private DdlRun() {
    }

    /**
     * {@return the statements of the script's text, as a runner cuts them, without the {@code BEGIN}/{@code COMMIT}
     * of its transaction blocks (this runner groups by the statements' own flags); checked against the script's own}
     */
    static List<String> statements(DdlScript script) {
        List<String> cut = SqlScript.parse(script.text()).statements().stream().map(SqlStatement::text)
                .filter(text -> !text.strip().equalsIgnoreCase("BEGIN") && !text.strip().equalsIgnoreCase("COMMIT"))
                .toList();
        if (cut.size() != script.statements().size()) {
            throw new AssertionError("the text cuts into " + cut.size() + " statements, the script has "
                    + script.statements().size() + ":\n" + script.text());
        }
        return cut;
    }

    /** Runs every statement inside the caller's open transaction. */
    static void inTransaction(Connection connection, DdlScript script) {
        List<String> statements = statements(script);
        for (String sql : statements) run(connection, sql, script);
    }

    /** Runs the script in autocommit mode, grouping transactional statements into transactions. */
    static void grouped(Connection connection, DdlScript script) throws SQLException {
        List<String> statements = statements(script);
        connection.setAutoCommit(true);
        boolean open = false;
        for (int i = 0; i < statements.size(); i++) {
            boolean transactional = script.statements().get(i).transactional();
            if (transactional && !open) {
                connection.setAutoCommit(false);
                open = true;
            } else if (!transactional && open) {
                connection.commit();
                connection.setAutoCommit(true);
                open = false;
            }
            run(connection, statements.get(i), script);
        }
        if (open) {
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    private static void run(Connection connection, String sql, DdlScript script) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("statement failed: " + e.getMessage() + "\n  " + sql + "\nin script:\n"
                    + script.text(), e);
        }
    }
}
