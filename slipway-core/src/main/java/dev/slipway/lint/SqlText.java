package dev.slipway.lint;

import dev.slipway.sql.SqlStatement;
import dev.slipway.sql.Token;

/** Rewrites of a statement's text for the fixes findings suggest. Stateless. */
final class SqlText {
    private SqlText() {
    }

    /** {@return the statement's text with {@code words} inserted after the token, and a {@code ;}} */
    static String insertAfter(SqlStatement statement, Token token, String words) {
        int at = token.endOffset() - statement.startOffset();
        String text = statement.text();
        if (at < 0 || at > text.length()) return text + ";";
        return text.substring(0, at) + " " + words + text.substring(at) + ";";
    }

    /** {@return the statement's first line, cut to 80 characters, for messages} */
    static String firstLine(SqlStatement statement) {
        String line = statement.text().lines().findFirst().orElse("").strip();
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }
}
