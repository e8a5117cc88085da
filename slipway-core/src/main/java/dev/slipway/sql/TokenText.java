package dev.slipway.sql;

import java.util.List;

/** Renders tokens back to readable SQL without the original whitespace, for messages. Stateless. */
final class TokenText {
    private TokenText() {
    }

    /** {@return the tokens joined by single spaces, except around parentheses, commas, dots and casts} */
    static String join(List<Token> tokens) {
        StringBuilder text = new StringBuilder();
        Token previous = null;
        for (Token token : tokens) {
            if (previous != null && spaceBetween(previous, token)) text.append(' ');
            token.appendTo(text);
            previous = token;
        }
        return text.toString();
    }

    private static boolean spaceBetween(Token previous, Token next) {
        if (previous.isPunctuation("(") || previous.isPunctuation("[") || previous.isPunctuation(".")
                || previous.isPunctuation("::")) {
            return false;
        }
        if (next.isPunctuation(")") || next.isPunctuation("]") || next.isPunctuation(",")
                || next.isPunctuation(".") || next.isPunctuation("::") || next.isPunctuation("[")) {
            return false;
        }
        return !(next.isPunctuation("(") && previous.type() == TokenType.WORD);
    }
}
