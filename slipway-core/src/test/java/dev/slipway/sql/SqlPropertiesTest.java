package dev.slipway.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SqlPropertiesTest {

    /** Statements that each contain a {@code ;} or comment the splitter must not cut at. */
    private static final List<String> STATEMENTS = List.of(
            "CREATE TABLE t (id bigint PRIMARY KEY, note text DEFAULT ';')",
            "INSERT INTO t VALUES (1, 'it''s; fine', E'back\\\\slash\\'; quote')",
            "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$",
            "DO $body$ BEGIN PERFORM 1; RAISE NOTICE '$$;'; END $body$",
            "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO log VALUES (1); INSERT INTO log VALUES (2))",
            "CREATE OR REPLACE FUNCTION g(a int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n"
                    + "  SELECT CASE WHEN a > 0 THEN 1 ELSE CASE WHEN a < 0 THEN -1 END END;\n  SELECT 2;\nEND",
            "SELECT 1 /* inner ; /* nested ; */ still */ + 2",
            "SELECT \"semi;colon\" FROM \"Quoted\"\"Table\"",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx ON s.t (a)",
            "BEGIN",
            "COMMIT",
            "SELECT 'a'\n'b;c'",
            "SELECT $1::text",
            "SELECT 1 -- trailing ; comment\n + 2",
            "VACUUM",
            "SELECT U&'d\\0061t;a', x'1F', b'01', n'x;y'",
            "UPDATE t SET a = a+-1 WHERE b <> 'x' AND c->>'k' = 'v'");

    private static final List<String> SEPARATORS = List.of(
            " ", "\n", "\t", "\r\n", "\n\n", "-- c; x\n", "/* c; /* n */ */", ";", "--\n", "/**/");

    // --- tokens reassemble the input

    @Property
    void tokensReassembleTheInput(@ForAll("sqlLike") String text) {
        List<Token> tokens;
        try {
            tokens = SqlLexer.tokenize(text);
        } catch (SqlSyntaxException e) {
            return;
        }
        StringBuilder joined = new StringBuilder();
        for (Token token : tokens) {
            assertThat(token.offset()).isEqualTo(joined.length());
            joined.append(token.text());
        }
        assertThat(joined.toString()).isEqualTo(text);
    }

    @Property
    void splittingReadsTheSameTokensAsTheLexerLessTheWhitespace(@ForAll("sqlLike") String text) {
        List<Token> all;
        try {
            all = SqlLexer.tokenize(text);
        } catch (SqlSyntaxException e) {
            return;
        }
        List<Token> withoutWhitespace = new ArrayList<>(all);
        withoutWhitespace.removeIf(token -> token.type() == TokenType.WHITESPACE);
        assertThat(SqlLexer.tokenizeWithoutWhitespace(text)).isEqualTo(withoutWhitespace);
    }

    @Property
    void tokenPositionsMatchTheirOffsets(@ForAll("sqlLike") String text) {
        List<Token> tokens;
        try {
            tokens = SqlLexer.tokenize(text);
        } catch (SqlSyntaxException e) {
            return;
        }
        for (Token token : tokens) {
            String before = text.substring(0, token.offset());
            int lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
            long lineBreaks = before.replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count();
            assertThat(token.line()).isEqualTo(lineBreaks + 1);
            // A byte order mark that opens the text takes no column.
            boolean byteOrderMark = lineStart == 0 && before.startsWith("\uFEFF");
            int column = before.codePointCount(lineStart, before.length()) + 1 - (byteOrderMark ? 1 : 0);
            assertThat(token.column()).isEqualTo(column);
        }
    }

    // --- arbitrary input fails only with SqlSyntaxException

    @Property
    void arbitraryInputFailsOnlyWithASyntaxError(@ForAll("anything") String text) {
        try {
            SqlLexer.tokenize(text);
            for (SqlStatement statement : SqlScript.parse(text).statements()) {
                statement.keywords(5);
                statement.transactionControl();
                statement.cannotRunInTransaction(11);
                statement.cannotRunInTransaction(17);
                statement.concurrentIndexBuild();
            }
        } catch (SqlSyntaxException expected) {
            assertThat(expected.line()).isPositive();
            assertThat(expected.column()).isPositive();
        }
    }

    // --- statements joined with ; and noise split back into the same statements

    @Property
    void joinedStatementsSplitBackIntoTheSameStatements(@ForAll("scripts") Script script) {
        SqlScript parsed = SqlScript.parse(script.text());

        assertThat(parsed.statements()).extracting(SqlStatement::text).containsExactlyElementsOf(script.statements());
        for (int i = 0; i < script.statements().size(); i++) {
            assertThat(parsed.statements().get(i).leadingComments()).extracting(Token::text)
                    .containsExactlyElementsOf(comments(script.separators().get(i)));
        }
        assertThat(parsed.trailingComments()).extracting(Token::text)
                .containsExactlyElementsOf(comments(script.separators().get(script.statements().size())));
    }

    /** A generated script: separator 0, statement 0, {@code ;}, separator 1, ... statement n-1, separator n. */
    record Script(String text, List<String> statements, List<List<String>> separators) {
        @Override
        public String toString() {
            return text;
        }
    }

    private static List<String> comments(List<String> separator) {
        return separator.stream().filter(s -> s.startsWith("--") || s.startsWith("/*")).map(String::strip).toList();
    }

    @Provide
    Arbitrary<Script> scripts() {
        Arbitrary<String> named = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
                .map(n -> "SELECT * FROM \"" + n + "\" WHERE note = '" + n + ";'");
        Arbitrary<String> statement = Arbitraries.oneOf(Arbitraries.of(STATEMENTS), named);
        Arbitrary<List<String>> separator = Arbitraries.of(SEPARATORS).list().ofMaxSize(4);
        Arbitrary<String> beforeSemicolon = Arbitraries.of("", " ", "\n");
        return Combinators.combine(statement.list().ofMinSize(1).ofMaxSize(8),
                separator.list().ofMinSize(9).ofMaxSize(9), beforeSemicolon, Arbitraries.of(true, false))
                .as((statements, separators, space, lastTerminated) -> {
                    StringBuilder text = new StringBuilder();
                    List<List<String>> used = new ArrayList<>();
                    for (int i = 0; i < statements.size(); i++) {
                        text.append(String.join("", separators.get(i))).append(statements.get(i));
                        used.add(separators.get(i));
                        boolean last = i == statements.size() - 1;
                        if (!last || lastTerminated) text.append(space).append(';');
                    }
                    // After an unterminated last statement a ';' in the tail would terminate it after all.
                    List<String> tail = separators.get(statements.size()).stream()
                            .filter(piece -> lastTerminated || !piece.equals(";")).toList();
                    text.append(lastTerminated ? "" : "\n").append(String.join("", tail));
                    used.add(tail);
                    return new Script(text.toString(), statements, used);
                });
    }

    @Provide
    Arbitrary<String> sqlLike() {
        Arbitrary<String> fragment = Arbitraries.oneOf(
                Arbitraries.of(STATEMENTS),
                Arbitraries.of(SEPARATORS),
                Arbitraries.of("'", "\"", "$$", "$a$", "E'\\'", "U&\"x\"", "--", "/*", "*/", "\\set x\n", "1.5e3",
                        "0x1F", "$1", "::", "->>", "+-", "é", "\uD83D\uDE00", "\uFEFF", "\r", "..", ":="));
        return fragment.list().ofMaxSize(12).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> anything() {
        Arbitrary<String> sqlAlphabet = Arbitraries.strings()
                .withChars("'\"$;-/*\\\n\r \t()EeUuBbXxNn&0123456789._:+=<>!@#%^|`?[]{},aAzZé\uFEFF\uD83D")
                .ofMaxLength(60);
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(40);
        return Arbitraries.oneOf(sqlAlphabet, anyChars, sqlLike());
    }
}
