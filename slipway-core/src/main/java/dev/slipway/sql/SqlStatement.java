package dev.slipway.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement of a SQL script, as {@link SqlScript#parse(String)} cut it out.
 *
 * @param text            the exact source from the statement's first significant token to its last: no leading
 *                        comments or whitespace, no terminating {@code ;}; comments inside the statement stay
 * @param line            1-based line where the statement starts
 * @param column          1-based column where the statement starts
 * @param endLine         1-based line of the statement's last character
 * @param startOffset     index of the statement's first character in the script
 * @param endOffset       index just past its last character, so {@code text} is
 *                        {@code script.substring(startOffset, endOffset)}
 * @param tokens          the significant tokens, without whitespace and comments; never empty
 * @param leadingComments the comments between the previous statement's {@code ;} (or the start of the script) and
 *                        this statement, where directives such as {@code -- slipway:no-transaction} live
 */
public record SqlStatement(String text, int line, int column, int endLine, int startOffset, int endOffset,
                           List<Token> tokens, List<Token> leadingComments) {

    /** Checks that the parts agree with one another. */
    public SqlStatement {
        Objects.requireNonNull(text, "text");
        tokens = List.copyOf(tokens);
        leadingComments = List.copyOf(leadingComments);
        if (tokens.isEmpty()) throw new IllegalArgumentException("a statement has at least one token");
        if (line < 1 || column < 1 || endLine < line) {
            throw new IllegalArgumentException("bad statement position: line " + line + ", column " + column
                    + ", end line " + endLine);
        }
        if (startOffset < 0 || endOffset - startOffset != text.length()) {
            throw new IllegalArgumentException("offsets " + startOffset + ".." + endOffset + " do not span the "
                    + text.length() + " characters of the text");
        }
    }

    /**
     * Parses text that holds exactly one statement, with or without a terminating {@code ;}.
     *
     * @param sql the statement
     * @return the statement
     * @throws SqlSyntaxException       if the text cannot be split (see {@link SqlScript#parse(String)})
     * @throws IllegalArgumentException if the text holds no statement or more than one
     */
    public static SqlStatement parse(String sql) {
        List<SqlStatement> statements = SqlScript.parse(sql).statements();
        if (statements.size() != 1) {
            throw new IllegalArgumentException("expected one SQL statement but found " + statements.size());
        }
        return statements.get(0);
    }

    /**
     * The statement's first words, for recognising what kind of statement it is.
     *
     * @param n how many words at most
     * @return the first {@code n} {@link TokenType#WORD} tokens, upper-cased (ASCII letters); quoted identifiers,
     *         literals and punctuation in between are skipped, and fewer than {@code n} come back if the statement
     *         has fewer words
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public List<String> keywords(int n) {
        if (n < 0) throw new IllegalArgumentException("cannot take " + n + " keywords");
        List<String> words = new ArrayList<>(Math.min(n, tokens.size()));
        for (Token token : tokens) {
            if (words.size() >= n) break;
            if (token.type() == TokenType.WORD) words.add(token.upperCaseText());
        }
        return List.copyOf(words);
    }

    /** {@return whether this statement begins, commits or rolls back the session's transaction} */
    public TransactionControl transactionControl() {
        return TransactionControl.of(tokens);
    }

    /**
     * Whether PostgreSQL refuses to run this statement inside a transaction block: {@code CREATE INDEX CONCURRENTLY},
     * {@code DROP INDEX CONCURRENTLY}, {@code REINDEX ... CONCURRENTLY}, {@code REINDEX SCHEMA/DATABASE/SYSTEM},
     * {@code VACUUM}, {@code CREATE/DROP DATABASE}, {@code ALTER DATABASE ... SET TABLESPACE},
     * {@code CREATE/DROP TABLESPACE}, {@code ALTER SYSTEM}, {@code CLUSTER} without a table,
     * {@code ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY}, {@code CREATE SUBSCRIPTION} (unless it creates no
     * replication slot), {@code DROP SUBSCRIPTION}, {@code ALTER SUBSCRIPTION} that refreshes publications,
     * {@code DISCARD ALL}, {@code COMMIT/ROLLBACK PREPARED}, and before PostgreSQL 12
     * {@code ALTER TYPE ... ADD VALUE}.
     *
     * @param serverMajor the server's major version, such as 15
     * @return whether the statement must run outside a transaction block
     */
    public boolean cannotRunInTransaction(int serverMajor) {
        return NonTransactionalStatements.cannotRunInTransaction(tokens, serverMajor);
    }

    /**
     * {@return the index this statement builds, if it is a {@code CREATE [UNIQUE] INDEX CONCURRENTLY}}
     * @throws SqlSyntaxException if a {@code U&"..."} name in it holds an invalid escape
     */
    public Optional<ConcurrentIndexBuild> concurrentIndexBuild() {
        return ConcurrentIndexBuild.of(tokens);
    }
}
