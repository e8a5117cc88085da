package dev.slipway.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Splits SQL text into {@link Token}s following the rules of PostgreSQL's own scanner ({@code scan.l}), so that
 * quotes, dollar quotes, comments and operators end exactly where the server thinks they end.
 * <p>Assumes {@code standard_conforming_strings = on} (the default since PostgreSQL 9.1): a backslash is an escape
 * character only in {@code E'...'} strings. A byte order mark at the very start is whitespace, since editors add it
 * and the server would read it as part of the first word. Thread-safe: each call works on its own state.
 */
public final class SqlLexer {
    /** Editors on Windows may start a UTF-8 file with it; the server would take it for part of the first word. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final String OPERATOR_CHARS = "~!@#^&|`?+-*/%<>=";
    /** An operator containing one of these may end in {@code +} or {@code -}; see {@link #scanOperator()}. */
    private static final String OPERATOR_CHARS_KEEPING_SIGN = "~!@#^&|`?%";

    private final String sql;
    /** Whether whitespace becomes tokens; splitting into statements skips it, and it is most of the tokens. */
    private final boolean keepWhitespace;
    private final List<Token> tokens;
    private int position;
    private int line = 1;
    private int column = 1;
    /** Whether only whitespace stands between the last line break (or the start) and {@link #position}. */
    private boolean atLineStart = true;

    private SqlLexer(String sql, boolean keepWhitespace) {
        this.sql = sql;
        this.keepWhitespace = keepWhitespace;
        // migrations average a token per four characters, or per seven without whitespace; sizing for a little more
        // spares the list's regrowth
        this.tokens = new ArrayList<>(sql.length() / (keepWhitespace ? 3 : 5) + 16);
    }

    /**
     * Splits SQL text into tokens. The texts of the tokens, concatenated, give back the input exactly.
     *
     * @param sql any text
     * @return the tokens in input order, unmodifiable
     * @throws SqlSyntaxException if a string, quoted identifier, dollar quote or block comment is not closed
     */
    public static List<Token> tokenize(String sql) {
        Objects.requireNonNull(sql, "sql");
        return new SqlLexer(sql, true).run();
    }

    /**
     * Like {@link #tokenize(String)} but without the whitespace tokens, for {@link StatementSplitter}, which skips
     * them: positions and errors are the same.
     */
    static List<Token> tokenizeWithoutWhitespace(String sql) {
        return new SqlLexer(sql, false).run();
    }

    private List<Token> run() {
        while (position < sql.length()) {
            int start = position;
            TokenType type = scanToken();
            emit(type, start);
        }
        return Collections.unmodifiableList(tokens);
    }

    private void emit(TokenType type, int start) {
        if (keepWhitespace || type != TokenType.WHITESPACE) {
            tokens.add(new Token(type, sql, start, position - start, line, column));
        }
        boolean lineBreak = false;
        for (int i = start; i < position; i++) {
            char c = sql.charAt(i);
            if (c > '\r' && c < Character.MIN_SURROGATE) {
                // the common case, tested first: a character that takes one column and breaks no line
                column++;
            } else if (c == '\n' || c == '\r' && !(i + 1 < sql.length() && sql.charAt(i + 1) == '\n')) {
                line++;
                column = 1;
                lineBreak = true;
            } else if (c != '\r' && !(i == 0 && c == BYTE_ORDER_MARK) && !(Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(sql.charAt(i - 1)))) {
                column++;
            }
        }
        if (type != TokenType.WHITESPACE) {
            atLineStart = false;
        } else if (lineBreak) {
            atLineStart = true;
        }
    }

    /** Advances {@link #position} past one token and returns its type. */
    private TokenType scanToken() {
        char c = sql.charAt(position);
        if (position == 0 && c == BYTE_ORDER_MARK) {
            position++;
            return TokenType.WHITESPACE;
        }
        if (isWhitespace(c)) {
            while (position < sql.length() && isWhitespace(sql.charAt(position))) position++;
            return TokenType.WHITESPACE;
        }
        if (c == '-' && next(1) == '-') {
            position = endOfLine(position);
            return TokenType.LINE_COMMENT;
        }
        if (c == '/' && next(1) == '*') return scanBlockComment();
        if (c == '\\' && atLineStart) {
            position = endOfLine(position);
            return TokenType.PSQL_META;
        }
        if (c == '\'') return scanString(position + 1, Quoting.STANDARD);
        if (c == '"') return scanQuotedIdentifier(position + 1);
        if (c == '$') return scanDollar();
        if (isIdentifierStart(c)) return scanWordOrPrefixedLiteral(c);
        if (isDigit(c) || c == '.' && isDigit(next(1))) return scanNumber();
        return scanPunctuationOrOperator(c);
    }

    private TokenType scanBlockComment() {
        int depth = 1;
        int i = position + 2;
        while (depth > 0) {
            if (i >= sql.length()) throw unterminated("/* comment", "*/");
            if (sql.charAt(i) == '/' && charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (sql.charAt(i) == '*' && charAt(i + 1) == '/') {
                depth--;
                i += 2;
            } else {
                i++;
            }
        }
        position = i;
        return TokenType.BLOCK_COMMENT;
    }

    /** How the body of a quoted string is read. */
    private enum Quoting {
        /** {@code ''} stands for a quote; backslashes are ordinary characters. */
        STANDARD,
        /** {@code E''}: a backslash escapes the next character, and {@code ''} stands for a quote too. */
        ESCAPE,
        /** {@code B''} and {@code X''}: the first quote ends the string. */
        BITS
    }

    /**
     * Reads a string whose body starts at {@code bodyStart}, including continuations: PostgreSQL joins
     * {@code 'a'} and {@code 'b'} into one constant when only whitespace with a line break (and {@code --} comments)
     * stands between them, and keeps reading the continuation in the first part's quoting mode.
     */
    private TokenType scanString(int bodyStart, Quoting quoting) {
        int i = bodyStart;
        while (true) {
            if (i >= sql.length()) throw unterminated("quoted string", "'");
            char c = sql.charAt(i);
            if (c == '\\' && quoting == Quoting.ESCAPE) {
                i += 2;
            } else if (c != '\'') {
                i++;
            } else if (quoting != Quoting.BITS && charAt(i + 1) == '\'') {
                i += 2;
            } else {
                int continuation = continuationQuote(i + 1);
                if (continuation < 0) {
                    position = i + 1;
                    return TokenType.STRING;
                }
                i = continuation + 1;
            }
        }
    }

    /** {@return the index of the quote that continues a string closed just before {@code from}, or -1} */
    private int continuationQuote(int from) {
        boolean lineBreak = false;
        int i = from;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\n' || c == '\r') {
                lineBreak = true;
                i++;
            } else if (isWhitespace(c)) {
                i++;
            } else if (c == '-' && charAt(i + 1) == '-') {
                i = endOfLine(i);
            } else {
                return c == '\'' && lineBreak ? i : -1;
            }
        }
        return -1;
    }

    private TokenType scanQuotedIdentifier(int bodyStart) {
        int i = bodyStart;
        while (true) {
            if (i >= sql.length()) throw unterminated("quoted identifier", "\"");
            if (sql.charAt(i) == '"') {
                if (charAt(i + 1) != '"') break;
                i++;
            }
            i++;
        }
        position = i + 1;
        return TokenType.QUOTED_IDENTIFIER;
    }

    /** A {@code $} starts a parameter ({@code $1}), a dollar quote ({@code $tag$...$tag$}) or stands alone. */
    private TokenType scanDollar() {
        if (isDigit(next(1))) {
            position++;
            while (position < sql.length() && isDigit(sql.charAt(position))) position++;
            return TokenType.PARAMETER;
        }
        int tagEnd = position + 1;
        if (tagEnd < sql.length() && isIdentifierStart(sql.charAt(tagEnd))) {
            while (tagEnd < sql.length() && isDollarTagChar(sql.charAt(tagEnd))) tagEnd++;
        }
        if (charAt(tagEnd) != '$') {
            // Like the server, a '$' that starts neither a parameter nor a dollar quote is a token of its own.
            position++;
            return TokenType.PUNCTUATION;
        }
        String delimiter = sql.substring(position, tagEnd + 1);
        int close = sql.indexOf(delimiter, tagEnd + 1);
        if (close < 0) throw unterminated("dollar-quoted string " + delimiter, delimiter);
        position = close + delimiter.length();
        return TokenType.DOLLAR_STRING;
    }

    /**
     * Reads a keyword or identifier, unless its first letter is the prefix of a literal: {@code E'..'},
     * {@code B'..'}, {@code X'..'}, {@code N'..'}, {@code U&'..'} or {@code U&"..."}.
     */
    private TokenType scanWordOrPrefixedLiteral(char first) {
        char second = next(1);
        if (second == '\'') {
            switch (first) {
                case 'e', 'E' -> {
                    return scanString(position + 2, Quoting.ESCAPE);
                }
                case 'b', 'B', 'x', 'X' -> {
                    return scanString(position + 2, Quoting.BITS);
                }
                case 'n', 'N' -> {
                    return scanString(position + 2, Quoting.STANDARD);
                }
                default -> {
                    // an identifier directly followed by a string, e.g. a typed literal without a space
                }
            }
        }
        if ((first == 'u' || first == 'U') && second == '&') {
            if (next(2) == '\'') return scanString(position + 3, Quoting.STANDARD);
            if (next(2) == '"') return scanQuotedIdentifier(position + 3);
        }
        position++;
        while (position < sql.length() && isIdentifierPart(sql.charAt(position))) position++;
        return TokenType.WORD;
    }

    /**
     * Reads a number in PostgreSQL 16's syntax: {@code 42}, {@code 1_000}, {@code 1.5}, {@code .5}, {@code 1e-3},
     * {@code 0x1F}, {@code 0o17}, {@code 0b101}. {@code 1..5} is the number 1 followed by {@code ..}, as in PL/pgSQL
     * loop ranges.
     */
    private TokenType scanNumber() {
        int radix = sql.charAt(position) == '0' ? radix(next(1)) : 0;
        if (radix > 0) {
            int firstDigit = next(2) == '_' ? position + 3 : position + 2;
            if (isDigitOf(charAt(firstDigit), radix)) {
                position = digitsEnd(firstDigit, radix);
                return TokenType.NUMBER;
            }
        }
        if (sql.charAt(position) != '.') position = digitsEnd(position, 10);
        if (charAt(position) == '.' && charAt(position + 1) != '.') {
            position++;
            if (isDigit(charAt(position))) position = digitsEnd(position, 10);
        }
        char e = charAt(position);
        if (e == 'e' || e == 'E') {
            char sign = charAt(position + 1);
            int digits = sign == '+' || sign == '-' ? position + 2 : position + 1;
            if (isDigit(charAt(digits))) position = digitsEnd(digits, 10);
        }
        return TokenType.NUMBER;
    }

    /** {@return the end of digits of the radix starting at {@code from}, allowing single {@code _} between them} */
    private int digitsEnd(int from, int radix) {
        int i = from + 1;
        while (i < sql.length()) {
            if (isDigitOf(sql.charAt(i), radix)) {
                i++;
            } else if (sql.charAt(i) == '_' && isDigitOf(charAt(i + 1), radix)) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    private TokenType scanPunctuationOrOperator(char c) {
        switch (c) {
            case ';' -> {
                position++;
                return TokenType.SEMICOLON;
            }
            case ':' -> {
                if (next(1) == '=') {
                    position += 2;
                    return TokenType.OPERATOR;
                }
                position += next(1) == ':' ? 2 : 1;
                return TokenType.PUNCTUATION;
            }
            case '.' -> {
                position += next(1) == '.' ? 2 : 1;
                return TokenType.PUNCTUATION;
            }
            default -> {
                if (OPERATOR_CHARS.indexOf(c) >= 0) return scanOperator();
                position++;
                return TokenType.PUNCTUATION;
            }
        }
    }

    /**
     * Reads an operator the way the server does: the longest run of operator characters, cut before any
     * {@code --} or {@code /*} in it, and stripped of trailing {@code +}/{@code -} unless it contains one of
     * {@code ~!@#^&|`?%} (so {@code a=-1} is {@code =} then {@code -}).
     */
    private TokenType scanOperator() {
        int end = position;
        while (end < sql.length() && OPERATOR_CHARS.indexOf(sql.charAt(end)) >= 0) end++;
        for (int i = position; i + 1 < end; i++) {
            char c = sql.charAt(i);
            char d = sql.charAt(i + 1);
            if (c == '-' && d == '-' || c == '/' && d == '*') {
                end = i;
                break;
            }
        }
        int length = end - position;
        if (length > 1 && isSign(sql.charAt(end - 1))) {
            boolean keepsSign = false;
            for (int i = position; i < end - 1; i++) {
                if (OPERATOR_CHARS_KEEPING_SIGN.indexOf(sql.charAt(i)) >= 0) keepsSign = true;
            }
            if (!keepsSign) {
                do {
                    length--;
                } while (length > 1 && isSign(sql.charAt(position + length - 1)));
            }
        }
        position += length;
        return TokenType.OPERATOR;
    }

    private SqlSyntaxException unterminated(String what, String closing) {
        return new SqlSyntaxException("unterminated " + what + " that starts at line " + line + ", column " + column
                + " (no closing " + closing + " before the end of the text)", line, column);
    }

    /** {@return the index of the next line break at or after {@code from}, or the end of the text} */
    private int endOfLine(int from) {
        int i = from;
        while (i < sql.length() && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') i++;
        return i;
    }

    private char next(int ahead) {
        return charAt(position + ahead);
    }

    private char charAt(int index) {
        return index < sql.length() ? sql.charAt(index) : '\0';
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /** Letters, {@code _} and any non-ASCII character, which the server accepts in identifiers byte by byte. */
    private static boolean isIdentifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isDollarTagChar(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSign(char c) {
        return c == '+' || c == '-';
    }

    private static int radix(char prefix) {
        return switch (prefix) {
            case 'x', 'X' -> 16;
            case 'o', 'O' -> 8;
            case 'b', 'B' -> 2;
            default -> 0;
        };
    }

    private static boolean isDigitOf(char c, int radix) {
        return c < 0x80 && Character.digit(c, radix) >= 0;
    }
}
