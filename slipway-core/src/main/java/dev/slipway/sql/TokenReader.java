package dev.slipway.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cursor over the significant tokens of one statement, for recognising the few statement shapes Slipway cares
 * about without a full grammar. Not thread-safe; one per recognition.
 */
final class TokenReader {
    private final List<Token> tokens;
    private int position;

    TokenReader(List<Token> tokens) {
        this.tokens = tokens;
    }

    boolean atEnd() {
        return position >= tokens.size();
    }

    /** {@return whether the current token is the keyword} */
    boolean at(String keyword) {
        return !atEnd() && tokens.get(position).isKeyword(keyword);
    }

    /** {@return whether the current token is one of the keywords} */
    boolean atAny(String... keywords) {
        return !atEnd() && tokens.get(position).isAnyKeyword(keywords);
    }

    /** {@return whether the current token is the punctuation} */
    boolean atPunctuation(String punctuation) {
        return !atEnd() && tokens.get(position).isPunctuation(punctuation);
    }

    /** Consumes the keyword if it is the current token; {@return whether it did} */
    boolean accept(String keyword) {
        if (!at(keyword)) return false;
        position++;
        return true;
    }

    /** {@return whether the current token is one of the two keywords}; spares the array of a varargs call */
    boolean atAny(String first, String second) {
        return !atEnd() && tokens.get(position).isAnyKeyword(first, second);
    }

    /** Consumes the two keywords if they are the next tokens in this order; {@return whether it did} */
    boolean acceptAll(String first, String second) {
        if (position + 2 > tokens.size() || !tokens.get(position).isKeyword(first)
                || !tokens.get(position + 1).isKeyword(second)) {
            return false;
        }
        position += 2;
        return true;
    }

    /** Consumes the keywords if they are the next tokens in this order; {@return whether it did} */
    boolean acceptAll(String... keywords) {
        if (position + keywords.length > tokens.size()) return false;
        for (int i = 0; i < keywords.length; i++) {
            if (!tokens.get(position + i).isKeyword(keywords[i])) return false;
        }
        position += keywords.length;
        return true;
    }

    /** Consumes an identifier (a word or quoted identifier) if it is the current token. */
    Optional<Token> acceptIdentifier() {
        if (atEnd() || !tokens.get(position).isIdentifier()) return Optional.empty();
        return Optional.of(tokens.get(position++));
    }

    /** Consumes a dotted name such as {@code schema.table}; {@return its parts, empty if there is none} */
    List<Token> acceptQualifiedName() {
        List<Token> parts = new ArrayList<>();
        Optional<Token> part = acceptIdentifier();
        while (part.isPresent()) {
            parts.add(part.get());
            if (!atPunctuation(".") || position + 1 >= tokens.size() || !tokens.get(position + 1).isIdentifier()) {
                break;
            }
            position++;
            part = acceptIdentifier();
        }
        return parts;
    }

    /**
     * Consumes a parenthesised option list such as {@code (concurrently, tablespace ts)} if one starts here.
     *
     * @return the options, each as its tokens without the separating commas; empty if there is no list
     */
    List<List<Token>> acceptOptionList() {
        List<List<Token>> options = new ArrayList<>();
        if (!atPunctuation("(")) return options;
        position++;
        int depth = 0;
        List<Token> option = new ArrayList<>();
        while (!atEnd()) {
            Token token = tokens.get(position++);
            if (depth == 0 && (token.isPunctuation(",") || token.isPunctuation(")"))) {
                if (!option.isEmpty()) options.add(option);
                option = new ArrayList<>();
                if (token.isPunctuation(")")) return options;
            } else {
                if (token.isPunctuation("(")) depth++;
                if (token.isPunctuation(")")) depth--;
                option.add(token);
            }
        }
        if (!option.isEmpty()) options.add(option);
        return options;
    }

    /** Skips tokens up to the keyword outside parentheses; {@return whether it found and consumed it} */
    boolean skipPast(String keyword) {
        int depth = 0;
        while (!atEnd()) {
            Token token = tokens.get(position++);
            if (token.isPunctuation("(")) {
                depth++;
            } else if (token.isPunctuation(")")) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && token.isKeyword(keyword)) {
                return true;
            }
        }
        return false;
    }

    /** Skips one token, if any. */
    void skip() {
        if (!atEnd()) position++;
    }
}
