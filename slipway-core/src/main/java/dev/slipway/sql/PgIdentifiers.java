package dev.slipway.sql;

import java.nio.charset.StandardCharsets;

/**
 * Identifier and keyword spelling rules of PostgreSQL.
 * <p>Case folding is ASCII-only on purpose: the server lower-cases only {@code A-Z} in a UTF-8 database, and
 * {@link String#equalsIgnoreCase} would also match words such as {@code ſelect} that PostgreSQL does not.
 */
final class PgIdentifiers {
    /** NAMEDATALEN - 1: the server truncates longer identifiers to this many bytes. */
    static final int MAX_IDENTIFIER_BYTES = 63;

    private PgIdentifiers() {
    }

    static boolean sameKeyword(String word, String keyword) {
        if (word.length() != keyword.length()) return false;
        for (int i = 0; i < word.length(); i++) {
            if (lower(word.charAt(i)) != lower(keyword.charAt(i))) return false;
        }
        return true;
    }

    /** {@return whether {@code text} holds the keyword at {@code from}, ignoring ASCII case} */
    static boolean sameKeyword(String text, int from, String keyword) {
        if (from + keyword.length() > text.length()) return false;
        for (int i = 0; i < keyword.length(); i++) {
            if (lower(text.charAt(from + i)) != lower(keyword.charAt(i))) return false;
        }
        return true;
    }

    static String upperCase(String word) {
        return upperCase(word, 0, word.length());
    }

    /** {@return {@code text[from, to)} with ASCII letters upper-cased} */
    static String upperCase(String text, int from, int to) {
        // most keywords are written in one case; only a word with a lower-case letter needs a new spelling
        int firstLower = from;
        while (firstLower < to && !isLowerAscii(text.charAt(firstLower))) firstLower++;
        if (firstLower == to) return text.substring(from, to);
        char[] upper = new char[to - from];
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            upper[i - from] = isLowerAscii(c) ? (char) (c - 'a' + 'A') : c;
        }
        return new String(upper);
    }

    /** {@return the unquoted identifier {@code text[from, to)} as the server stores it: ASCII lower-cased, cut} */
    static String foldUnquoted(String text, int from, int to) {
        int firstUpper = from;
        while (firstUpper < to && !isUpperAscii(text.charAt(firstUpper))) firstUpper++;
        if (firstUpper == to) return truncate(text.substring(from, to));
        char[] folded = new char[to - from];
        for (int i = from; i < to; i++) {
            folded[i - from] = lower(text.charAt(i));
        }
        return truncate(new String(folded));
    }

    private static boolean isLowerAscii(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isUpperAscii(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /**
     * {@return the name a quoted identifier token stands for}
     * @param token the text of a {@link TokenType#QUOTED_IDENTIFIER} token, {@code "..."} or {@code U&"..."}
     * @throws SqlSyntaxException if a {@code U&} identifier holds an invalid Unicode escape
     */
    static String unquote(Token token) {
        String text = token.text();
        boolean unicode = text.charAt(0) != '"';
        String body = text.substring(unicode ? 3 : 1, text.length() - 1).replace("\"\"", "\"");
        return truncate(unicode ? decodeUnicodeEscapes(body, token) : body);
    }

    /**
     * Decodes the escapes of a {@code U&} literal with the default escape character, as the server does:
     * {@code \XXXX}, {@code \+XXXXXX} and {@code \\}.
     */
    static String decodeUnicodeEscapes(String body, Token token) {
        StringBuilder decoded = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c != '\\') {
                decoded.append(c);
                i++;
            } else if (i + 1 < body.length() && body.charAt(i + 1) == '\\') {
                decoded.append('\\');
                i += 2;
            } else {
                boolean longForm = i + 1 < body.length() && body.charAt(i + 1) == '+';
                int digitsStart = i + (longForm ? 2 : 1);
                int digitsEnd = digitsStart + (longForm ? 6 : 4);
                int codePoint = hexValue(body, digitsStart, digitsEnd);
                if (codePoint < 0 || !Character.isValidCodePoint(codePoint)) {
                    throw new SqlSyntaxException("invalid Unicode escape in " + token.text() + " at line "
                            + token.line() + ", column " + token.column()
                            + " (use \\XXXX or \\+XXXXXX with hexadecimal digits)", token.line(), token.column());
                }
                decoded.appendCodePoint(codePoint);
                i = digitsEnd;
            }
        }
        return decoded.toString();
    }

    private static int hexValue(String text, int start, int end) {
        if (end > text.length()) return -1;
        int value = 0;
        for (int i = start; i < end; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0 || text.charAt(i) > 'f') return -1;
            value = value * 16 + digit;
        }
        return value;
    }

    /** Cuts a name to the server's limit without splitting a character, as {@code truncate_identifier} does. */
    static String truncate(String name) {
        if (name.length() * 3 <= MAX_IDENTIFIER_BYTES
                || name.getBytes(StandardCharsets.UTF_8).length <= MAX_IDENTIFIER_BYTES) {
            return name;
        }
        int bytes = 0;
        int end = 0;
        while (end < name.length()) {
            int codePoint = name.codePointAt(end);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_IDENTIFIER_BYTES) break;
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return name.substring(0, end);
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
    }
}
