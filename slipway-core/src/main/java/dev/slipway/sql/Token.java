package dev.slipway.sql;

import java.util.Objects;

/**
 * One lexical token of SQL text, with its exact source text and where it starts.
 *
 * @param type   what kind of token it is
 * @param text   the exact source text, never empty; all tokens of an input concatenated give back the input
 * @param offset index of the first character in the input
 * @param line   1-based line of the first character; {@code \n}, {@code \r\n} and a lone {@code \r} each end a line
 * @param column 1-based column of the first character, counted in Unicode code points
 */
public record Token(TokenType type, String text, int offset, int line, int column) {

    /** Checks that the token is well-formed. */
    public Token {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) throw new IllegalArgumentException("a token has at least one character");
        if (offset < 0 || line < 1 || column < 1) {
            throw new IllegalArgumentException("bad token position: offset " + offset + ", line " + line
                    + ", column " + column);
        }
    }

    /** {@return the index just past the token's last character} */
    public int endOffset() {
        return offset + text.length();
    }

    /** {@return the line of the token's last character} */
    public int endLine() {
        int lines = line;
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && text.charAt(i + 1) != '\n') lines++;
        }
        return lines;
    }

    /**
     * {@return whether this is a {@link TokenType#WORD} spelled like the keyword, ignoring ASCII case}
     * @param keyword a keyword such as {@code "create"}
     */
    public boolean isKeyword(String keyword) {
        return type == TokenType.WORD && PgIdentifiers.sameKeyword(text, keyword);
    }

    /**
     * {@return whether this is a {@link TokenType#WORD} spelled like any of the keywords, ignoring ASCII case}
     * @param keywords keywords such as {@code "FUNCTION", "PROCEDURE"}
     */
    public boolean isAnyKeyword(String... keywords) {
        for (String keyword : keywords) {
            if (isKeyword(keyword)) return true;
        }
        return false;
    }

    /**
     * {@return whether this is the given {@link TokenType#PUNCTUATION}}
     * @param punctuation such as {@code "("} or {@code "::"}
     */
    public boolean isPunctuation(String punctuation) {
        return type == TokenType.PUNCTUATION && text.equals(punctuation);
    }

    /**
     * {@return whether this is the given {@link TokenType#OPERATOR}}
     * @param operator such as {@code "="}
     */
    public boolean isOperator(String operator) {
        return type == TokenType.OPERATOR && text.equals(operator);
    }

    /** {@return whether this is a line or block comment} */
    public boolean isComment() {
        return type == TokenType.LINE_COMMENT || type == TokenType.BLOCK_COMMENT;
    }

    /** {@return whether the token matters to the server, i.e. is neither whitespace nor a comment} */
    public boolean isSignificant() {
        return type != TokenType.WHITESPACE && !isComment();
    }

    /** {@return whether the token can name an object: a {@link TokenType#WORD} or a quoted identifier} */
    public boolean isIdentifier() {
        return type == TokenType.WORD || type == TokenType.QUOTED_IDENTIFIER;
    }

    /**
     * The name this token stands for, spelled as the server stores it in its catalog: an unquoted word is
     * lower-cased (ASCII letters only, as in a UTF-8 database), a quoted identifier is kept verbatim without its
     * quotes, and either is cut to 63 bytes. A {@code U&"..."} identifier is decoded with the default escape
     * character; a following {@code UESCAPE} clause is not applied.
     *
     * @return the catalog spelling of the name
     * @throws IllegalStateException if the token is not an identifier (see {@link #isIdentifier()})
     * @throws SqlSyntaxException    if a {@code U&"..."} identifier holds an invalid escape
     */
    public String identifier() {
        if (type == TokenType.WORD) return PgIdentifiers.foldUnquoted(text);
        if (type == TokenType.QUOTED_IDENTIFIER) return PgIdentifiers.unquote(this);
        throw new IllegalStateException(type + " token " + text + " at line " + line + ", column " + column
                + " is not an identifier");
    }
}
