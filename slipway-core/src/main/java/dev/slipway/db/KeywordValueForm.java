package dev.slipway.db;

import java.util.List;
import java.util.Map;

/**
 * Parses libpq keyword/value strings such as {@code host=db port=5432 dbname=app password='x y'}: values may be
 * single-quoted, and a backslash escapes the next character inside or outside quotes. Stateless.
 */
final class KeywordValueForm {
    private final String input;
    private final Map<Keyword, String> keywords = ConnectionStrings.newKeywords();
    private int position;

    private KeywordValueForm(String input) {
        this.input = input;
    }

    /** {@return the keywords of {@code input}} */
    static ParsedConnectionString parse(String input) {
        KeywordValueForm form = new KeywordValueForm(input);
        form.parseAll();
        return new ParsedConnectionString(form.keywords, Map.of());
    }

    private void parseAll() {
        while (true) {
            skipSpaces();
            if (position >= input.length()) return;
            int keyStart = position;
            while (position < input.length() && !isSpace(input.charAt(position)) && input.charAt(position) != '=') {
                position++;
            }
            String name = input.substring(keyStart, position);
            skipSpaces();
            if (position >= input.length() || input.charAt(position) != '=') {
                // the stray word is not shown: it may be the rest of an unquoted password with a space
                throw fail("a word without '=' (quote values that contain spaces, e.g. password='x y')");
            }
            position++;
            skipSpaces();
            String value = value(name);
            ConnectionStrings.putKeyword(keywords, name, value, input, secrets());
        }
    }

    private String value(String name) {
        StringBuilder value = new StringBuilder();
        boolean quoted = position < input.length() && input.charAt(position) == '\'';
        if (quoted) {
            position++;
        }
        while (position < input.length()) {
            char c = input.charAt(position);
            if (quoted ? c == '\'' : isSpace(c)) break;
            if (c == '\\' && position + 1 < input.length()) {
                position++;
                c = input.charAt(position);
            }
            value.append(c);
            position++;
        }
        if (quoted) {
            if (position >= input.length()) throw fail("unterminated quoted value of '" + name + "'");
            position++;
        }
        return value.toString();
    }

    private void skipSpaces() {
        while (position < input.length() && isSpace(input.charAt(position))) {
            position++;
        }
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c);
    }

    private ConnectionSpecException fail(String problem) {
        return ConnectionSpecException.in(problem, input, secrets());
    }

    private List<Secret> secrets() {
        return new ParsedConnectionString(keywords, Map.of()).secrets();
    }
}
