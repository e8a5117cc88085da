package dev.slipway.sql;

import java.util.Objects;

/**
 * One lexical token of SQL text, with its exact source text and where it starts.
 * <p>A value compared by type, text and position, like a record. It is a class because a token keeps only the
 * bounds of its text in the script it was read from: a script has many tokens, most of whose texts nobody ever
 * asks for, and copying each one was most of what reading a script allocated. {@link #text()} makes the string on
 * demand. Immutable and thread-safe.
 */
public final class Token {
    private final TokenType type;
    /** The text the token was read from; the token's own text is {@code source[start, start + length)}. */
    private final String source;
    private final int start;
    private final int length;
    private final int offset;
    private final int line;
    private final int column;

    /**
     * Makes a token of the given text.
     *
     * @param type   what kind of token it is
     * @param text   the exact source text, never empty; all tokens of an input concatenated give back the input
     * @param offset index of the first character in the input
     * @param line   1-based line of the first character; {@code \n}, {@code \r\n} and a lone {@code \r} each end a
     *               line
     * @param column 1-based column of the first character, counted in Unicode code points
     * @throws IllegalArgumentException if the text is empty or a position is impossible
     */
    public Token(TokenType type, String text, int offset, int line, int column) {
        this(type, Objects.requireNonNull(text, "text"), 0, text.length(), offset, line, column);
    }

    /** A token whose text is {@code source[offset, offset + length)}, as the lexer reads them. */
    Token(TokenType type, String source, int offset, int length, int line, int column) {
        this(type, source, offset, length, offset, line, column);
    }

    private Token(TokenType type, String source, int start, int length, int offset, int line, int column) {
        this.type = Objects.requireNonNull(type, "type");
        this.source = source;
        this.start = start;
        this.length = length;
        if (length < 1) throw new IllegalArgumentException("a token has at least one character");
        if (offset < 0 || line < 1 || column < 1) {
            throw new IllegalArgumentException("bad token position: offset " + offset + ", line " + line
                    + ", column " + column);
        }
        this.offset = offset;
        this.line = line;
        this.column = column;
    }

    /** {@return what kind of token it is} */
    public TokenType type() {
        return type;
    }

    /** {@return the exact source text, never empty; all tokens of an input concatenated give back the input} */
    public String text() {
        return start == 0 && length == source.length() ? source : source.substring(start, start + length);
    }

    /** {@return the number of characters of the text} */
    public int length() {
        return length;
    }

    /** {@return the index of the first character in the input} */
    public int offset() {
        return offset;
    }

    /**
     * {@return the 1-based line of the first character; {@code \n}, {@code \r\n} and a lone {@code \r} each end a
     * line}
     */
    public int line() {
        return line;
    }

    /** {@return the 1-based column of the first character, counted in Unicode code points} */
    public int column() {
        return column;
    }

    /** {@return the index just past the token's last character} */
    public int endOffset() {
        return offset + length;
    }

    /** {@return the line of the token's last character} */
    public int endLine() {
        int lines = line;
        int last = start + length - 1;
        for (int i = start; i < last; i++) {
            char c = source.charAt(i);
            if (c == '\n' || c == '\r' && source.charAt(i + 1) != '\n') lines++;
        }
        return lines;
    }

    /** {@return the text with ASCII letters upper-cased, for naming keywords in messages and kinds} */
    public String upperCaseText() {
        return PgIdentifiers.upperCase(source, start, start + length);
    }

    /** Appends the text without making a string of it. */
    void appendTo(StringBuilder text) {
        text.append(source, start, start + length);
    }

    /**
     * {@return whether this is a {@link TokenType#WORD} spelled like the keyword, ignoring ASCII case}
     * @param keyword a keyword such as {@code "create"}
     */
    public boolean isKeyword(String keyword) {
        return type == TokenType.WORD && length == keyword.length()
                && PgIdentifiers.sameKeyword(source, start, keyword);
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
     * {@return whether this is a {@link TokenType#WORD} spelled like either keyword, ignoring ASCII case}; like
     * {@link #isAnyKeyword(String...)} without an array for each call
     * @param first  a keyword such as {@code "FUNCTION"}
     * @param second another keyword
     */
    public boolean isAnyKeyword(String first, String second) {
        return isKeyword(first) || isKeyword(second);
    }

    /**
     * {@return whether this is the given {@link TokenType#PUNCTUATION}}
     * @param punctuation such as {@code "("} or {@code "::"}
     */
    public boolean isPunctuation(String punctuation) {
        return type == TokenType.PUNCTUATION && sameText(punctuation);
    }

    /**
     * {@return whether this is the given {@link TokenType#OPERATOR}}
     * @param operator such as {@code "="}
     */
    public boolean isOperator(String operator) {
        return type == TokenType.OPERATOR && sameText(operator);
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
        if (type == TokenType.WORD) return PgIdentifiers.foldUnquoted(source, start, start + length);
        if (type == TokenType.QUOTED_IDENTIFIER) return PgIdentifiers.unquote(this);
        throw new IllegalStateException(type + " token " + text() + " at line " + line + ", column " + column
                + " is not an identifier");
    }

    private boolean sameText(String text) {
        return length == text.length() && source.startsWith(text, start);
    }

    /** {@return whether the other is a token of the same type and text at the same position} */
    @Override
    public boolean equals(Object other) {
        return other instanceof Token token && type == token.type && offset == token.offset && line == token.line
                && column == token.column && length == token.length
                && source.regionMatches(start, token.source, token.start, length);
    }

    @Override
    public int hashCode() {
        int hash = type.hashCode();
        for (int i = start; i < start + length; i++) {
            hash = 31 * hash + source.charAt(i);
        }
        return 31 * (31 * (31 * hash + offset) + line) + column;
    }

    /** {@return the token in the form a record would show it, such as {@code Token[type=WORD, text=select, ...]}} */
    @Override
    public String toString() {
        return "Token[type=" + type + ", text=" + text() + ", offset=" + offset + ", line=" + line + ", column="
                + column + "]";
    }
}
