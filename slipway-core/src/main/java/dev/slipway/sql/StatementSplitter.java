package dev.slipway.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups tokens into statements. Follows psql's rules: a {@code ;} outside parentheses ends a statement, except
 * inside a {@code BEGIN ATOMIC ... END} routine body, where {@code CASE ... END} pairs are counted so that the body's
 * own {@code END} is found. Not thread-safe; one per script.
 */
final class StatementSplitter {
    private static final Pattern PSQL_COMMAND_NAME = Pattern.compile("\\\\[A-Za-z0-9_+!?]*");

    private final String source;
    private final List<SqlStatement> statements = new ArrayList<>();
    /**
     * Comments since the last statement ended; they lead the next statement or trail the script. This list and the
     * two below are reused from statement to statement (statements and scripts copy what they keep): most tokens
     * are no comments, and a new list per token or statement was much of what splitting allocated.
     */
    private final List<Token> pendingComments = new ArrayList<>();
    /** The significant tokens of the statement being read; empty between statements. */
    private final List<Token> significant = new ArrayList<>();
    /** Comments after the last significant token: they trail the script if no {@code ;} follows. */
    private final List<Token> commentsAfterLast = new ArrayList<>();
    private int parenDepth;
    /** Open {@code BEGIN ATOMIC} and {@code CASE} blocks in a routine body; 0 outside one. */
    private int atomicDepth;

    private StatementSplitter(String source) {
        this.source = source;
    }

    static SqlScript split(List<Token> tokens, String source) {
        StatementSplitter splitter = new StatementSplitter(source);
        for (int i = 0; i < tokens.size(); i++) {
            splitter.accept(tokens.get(i));
        }
        return splitter.finish();
    }

    private void accept(Token token) {
        if (token.type() == TokenType.PSQL_META) throw psqlCommand(token);
        if (significant.isEmpty()) {
            if (token.isComment()) pendingComments.add(token);
            // Whitespace and empty statements (;;) between statements are skipped.
            if (token.isSignificant() && token.type() != TokenType.SEMICOLON) add(token);
            return;
        }
        if (token.type() == TokenType.SEMICOLON && parenDepth == 0 && atomicDepth == 0) {
            endStatement();
            pendingComments.clear();
            return;
        }
        add(token);
    }

    private void add(Token token) {
        if (!token.isSignificant()) {
            if (token.isComment()) commentsAfterLast.add(token);
            return;
        }
        if (!commentsAfterLast.isEmpty()) commentsAfterLast.clear();
        if (token.isPunctuation("(")) {
            parenDepth++;
        } else if (token.isPunctuation(")")) {
            parenDepth = Math.max(0, parenDepth - 1);
        } else if (parenDepth == 0 && token.type() == TokenType.WORD) {
            trackRoutineBody(token);
        }
        significant.add(token);
    }

    private void trackRoutineBody(Token word) {
        if (atomicDepth > 0) {
            if (word.isKeyword("CASE")) atomicDepth++;
            if (word.isKeyword("END")) atomicDepth--;
        } else if (word.isKeyword("ATOMIC") && significant.get(significant.size() - 1).isKeyword("BEGIN")
                && createsRoutine()) {
            atomicDepth = 1;
        }
    }

    /** {@return whether the statement starts with CREATE [OR REPLACE] FUNCTION or PROCEDURE} */
    private boolean createsRoutine() {
        TokenReader reader = new TokenReader(significant);
        if (!reader.accept("CREATE")) return false;
        reader.acceptAll("OR", "REPLACE");
        return reader.atAny("FUNCTION", "PROCEDURE");
    }

    private void endStatement() {
        Token first = significant.get(0);
        Token last = significant.get(significant.size() - 1);
        int start = first.offset();
        int end = last.endOffset();
        statements.add(new SqlStatement(source.substring(start, end), first.line(), first.column(), last.endLine(),
                start, end, significant, pendingComments));
        significant.clear();
        parenDepth = 0;
        atomicDepth = 0;
    }

    private SqlScript finish() {
        if (significant.isEmpty()) return new SqlScript(statements, pendingComments);
        endStatement();
        return new SqlScript(statements, commentsAfterLast);
    }

    private static SqlSyntaxException psqlCommand(Token token) {
        // Only the command name: the arguments of \connect may hold a password.
        Matcher name = PSQL_COMMAND_NAME.matcher(token.text());
        String command = name.lookingAt() ? name.group() : "\\";
        return new SqlSyntaxException(command + " at line " + token.line() + " is a psql command, not SQL: Slipway "
                + "sends each statement to the server itself, so remove it from the migration", token.line(),
                token.column());
    }
}
