package dev.slipway.apply;

import dev.slipway.migration.Directive;
import dev.slipway.migration.SourcePosition;
import dev.slipway.sql.SqlStatement;
import java.time.Duration;

/**
 * One statement of a migration with the settings its directives give it.
 *
 * @param statement        the statement
 * @param where            the file and line it starts at
 * @param lockTimeout      its {@code lock_timeout}, or null for the run's default
 * @param statementTimeout its {@code statement_timeout}, or null for the run's default
 * @param batch            its batch directive, or null
 */
record PlannedStatement(SqlStatement statement, SourcePosition where, Duration lockTimeout, Duration statementTimeout,
        Directive.Batch batch) {

    /** {@return the position of a character offset inside the statement (1-based, as the server reports it)} */
    SourcePosition positionOf(int oneBasedOffset) {
        String text = statement.text();
        int limit = Math.min(Math.max(oneBasedOffset - 1, 0), text.length());
        int newlines = 0;
        for (int i = 0; i < limit; i++) {
            if (text.charAt(i) == '\n') newlines++;
        }
        return new SourcePosition(where.file(), where.line() + newlines);
    }
}
