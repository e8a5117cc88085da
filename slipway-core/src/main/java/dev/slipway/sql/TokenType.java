package dev.slipway.sql;

/** The kinds of {@link Token} that {@link SqlLexer} produces. */
public enum TokenType {
    /** A keyword or an unquoted identifier, such as {@code CREATE} or {@code users}. */
    WORD,
    /** A double-quoted identifier, such as {@code "Order"} or {@code U&"d\0061t"}. */
    QUOTED_IDENTIFIER,
    /**
     * A quoted string constant: {@code '..'}, {@code E'..'} with backslash escapes, {@code B'..'}, {@code X'..'},
     * {@code N'..'} or {@code U&'..'}, including any continuation on a following line ({@code 'a'\n'b'}), which
     * PostgreSQL reads as one constant.
     */
    STRING,
    /** A dollar-quoted string such as {@code $$ ... $$} or {@code $body$ ... $body$}. */
    DOLLAR_STRING,
    /** A numeric constant such as {@code 42}, {@code 1.5e3}, {@code 0x1F} or {@code 1_000}. */
    NUMBER,
    /** A positional parameter such as {@code $1}. */
    PARAMETER,
    /** An operator such as {@code =}, {@code <>}, {@code ->>}, {@code *} or {@code :=}. */
    OPERATOR,
    /** Punctuation: {@code ( ) [ ] , . .. : ::}, and any single character PostgreSQL has no other use for. */
    PUNCTUATION,
    /** A {@code ;}, which ends a statement unless it is nested in parentheses or a function body. */
    SEMICOLON,
    /** A {@code --} comment, up to but not including the line break. */
    LINE_COMMENT,
    /** A block comment, from {@code /*} to its matching end; block comments nest, as they do in PostgreSQL. */
    BLOCK_COMMENT,
    /** Spaces, tabs, line breaks and form feeds. */
    WHITESPACE,
    /** A psql backslash command such as {@code \connect db} at the start of a line, up to the line break. */
    PSQL_META
}
