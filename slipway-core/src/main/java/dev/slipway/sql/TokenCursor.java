package dev.slipway.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A cursor over significant tokens for {@link CommandClassifier}: look at, accept and skip keywords, names and
 * parenthesised groups. Never throws on running off the end; {@link #peek()} then returns null. Not thread-safe.
 */
final class TokenCursor {
    private final List<Token> tokens;
    private int position;

    TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    boolean atEnd() {
        return position >= tokens.size();
    }

    /** {@return the current token, or null at the end} */
    Token peek() {
        return peek(0);
    }

    /** {@return the token {@code ahead} places after the current one, or null past the end} */
    Token peek(int ahead) {
        int index = position + ahead;
        return index < tokens.size() ? tokens.get(index) : null;
    }

    /** Consumes and {@return the current token, or null at the end} */
    Token next() {
        return atEnd() ? null : tokens.get(position++);
    }

    boolean at(String keyword) {
        return !atEnd() && tokens.get(position).isKeyword(keyword);
    }

    boolean atAny(String... keywords) {
        return !atEnd() && tokens.get(position).isAnyKeyword(keywords);
    }

    boolean atAny(String first, String second) {
        return !atEnd() && tokens.get(position).isAnyKeyword(first, second);
    }

    /**
     * {@return whether the next tokens are these two keywords in this order}; the two- and three-word forms spare
     * the array of a varargs call, made for many tokens of a statement
     */
    boolean atAll(String first, String second) {
        Token a = peek(0);
        Token b = peek(1);
        return a != null && b != null && a.isKeyword(first) && b.isKeyword(second);
    }

    /** {@return whether the next tokens are these three keywords in this order} */
    boolean atAll(String first, String second, String third) {
        Token c = peek(2);
        return c != null && atAll(first, second) && c.isKeyword(third);
    }

    /** {@return whether the next tokens are these keywords in this order} */
    boolean atAll(String... keywords) {
        for (int i = 0; i < keywords.length; i++) {
            Token token = peek(i);
            if (token == null || !token.isKeyword(keywords[i])) return false;
        }
        return true;
    }

    boolean atPunctuation(String punctuation) {
        return !atEnd() && tokens.get(position).isPunctuation(punctuation);
    }

    boolean accept(String keyword) {
        if (!at(keyword)) return false;
        position++;
        return true;
    }

    boolean acceptAll(String first, String second) {
        if (!atAll(first, second)) return false;
        position += 2;
        return true;
    }

    boolean acceptAll(String first, String second, String third) {
        if (!atAll(first, second, third)) return false;
        position += 3;
        return true;
    }

    boolean acceptAll(String... keywords) {
        if (!atAll(keywords)) return false;
        position += keywords.length;
        return true;
    }

    boolean acceptPunctuation(String punctuation) {
        if (!atPunctuation(punctuation)) return false;
        position++;
        return true;
    }

    /** {@return the current token if it is an identifier, consuming it; null otherwise} */
    Token acceptIdentifier() {
        if (atEnd() || !tokens.get(position).isIdentifier()) return null;
        return tokens.get(position++);
    }

    /** {@return the catalog spelling of the identifier here, consuming it; null if there is none} */
    String acceptName() {
        Token name = acceptIdentifier();
        return name == null ? null : name.identifier();
    }

    /** {@return a dotted name such as {@code schema.table}, consuming it; null if there is none} */
    QualifiedName acceptQualifiedName() {
        List<Token> parts = new ArrayList<>();
        Token part = acceptIdentifier();
        while (part != null) {
            parts.add(part);
            Token after = peek(1);
            if (!atPunctuation(".") || after == null || !after.isIdentifier()) break;
            position++;
            part = acceptIdentifier();
        }
        return parts.isEmpty() ? null : QualifiedName.of(parts);
    }

    /**
     * Consumes a parenthesised group if one starts here.
     *
     * @return the tokens between the parentheses, or null if no group starts here
     */
    List<Token> acceptGroup() {
        if (!atPunctuation("(")) return null;
        int start = ++position;
        int depth = 1;
        while (!atEnd()) {
            Token token = tokens.get(position++);
            if (token.isPunctuation("(")) depth++;
            if (token.isPunctuation(")") && --depth == 0) return tokens.subList(start, position - 1);
        }
        return tokens.subList(start, position);
    }

    /** Consumes one token, or a whole parenthesised group when one starts here. */
    void skipItem() {
        if (acceptGroup() == null) next();
    }

    /** {@return the remaining tokens, consuming them} */
    List<Token> rest() {
        List<Token> rest = tokens.subList(Math.min(position, tokens.size()), tokens.size());
        position = tokens.size();
        return rest;
    }

    /** {@return whether the keyword occurs ahead outside parentheses, without consuming anything} */
    boolean aheadAtTopLevel(String keyword) {
        int depth = 0;
        for (int i = position; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isPunctuation("(") || token.isPunctuation("[")) depth++;
            if (token.isPunctuation(")") || token.isPunctuation("]")) depth = Math.max(0, depth - 1);
            if (depth == 0 && token.isKeyword(keyword)) return true;
        }
        return false;
    }

    /** Skips tokens up to the keyword outside parentheses; {@return whether it found and consumed it} */
    boolean skipPast(String keyword) {
        int depth = 0;
        while (!atEnd()) {
            Token token = tokens.get(position++);
            if (token.isPunctuation("(") || token.isPunctuation("[")) depth++;
            if (token.isPunctuation(")") || token.isPunctuation("]")) depth = Math.max(0, depth - 1);
            if (depth == 0 && token.isKeyword(keyword)) return true;
        }
        return false;
    }

    /** {@return the tokens split at commas outside parentheses and brackets; empty pieces are dropped} */
    static List<List<Token>> splitAtCommas(List<Token> tokens) {
        List<List<Token>> pieces = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isPunctuation("(") || token.isPunctuation("[")) depth++;
            if (token.isPunctuation(")") || token.isPunctuation("]")) depth = Math.max(0, depth - 1);
            if (depth == 0 && token.isPunctuation(",")) {
                if (i > start) pieces.add(tokens.subList(start, i));
                start = i + 1;
            }
        }
        if (tokens.size() > start) pieces.add(tokens.subList(start, tokens.size()));
        return pieces;
    }
}
