package dev.slipway.sql;

import java.util.List;

/**
 * A SQL script cut into statements the way psql cuts it, so a file behaves the same whether a user tries it with
 * psql or Slipway runs it.
 *
 * @param statements       the non-empty statements in order
 * @param trailingComments the comments after the last statement (all comments if there is no statement)
 */
public record SqlScript(List<SqlStatement> statements, List<Token> trailingComments) {

    /** Copies the lists. */
    public SqlScript {
        statements = List.copyOf(statements);
        trailingComments = List.copyOf(trailingComments);
    }

    /**
     * Splits a script into statements. A {@code ;} ends a statement unless it is inside a string, dollar quote,
     * comment, quoted identifier or parentheses ({@code CREATE RULE ... DO (a; b)}), or inside the
     * {@code BEGIN ATOMIC ... END} body of a {@code CREATE FUNCTION} or {@code CREATE PROCEDURE}. Empty statements
     * ({@code ;;}) are skipped, and the last statement needs no {@code ;}.
     *
     * @param text the script
     * @return its statements and trailing comments
     * @throws SqlSyntaxException if a quote or block comment is not closed, or the script holds a psql
     *                            meta-command such as {@code \connect}, which is not SQL
     */
    public static SqlScript parse(String text) {
        return StatementSplitter.split(SqlLexer.tokenizeWithoutWhitespace(text), text);
    }
}
