package dev.slipway.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    private static List<String> texts(String sql) {
        return SqlScript.parse(sql).statements().stream().map(SqlStatement::text).toList();
    }

    @Test
    void aTopLevelSemicolonEndsAStatement() {
        assertThat(texts("create table a (id int);\ninsert into a values (1);")).containsExactly(
                "create table a (id int)", "insert into a values (1)");
    }

    @Test
    void semicolonsInsideLiteralsCommentsAndIdentifiersDoNotSplit() {
        String sql = """
                insert into t values ('a;b', E'c\\';d', $$e;f$$, $x$g;$$;h$x$);
                select "odd;name" /* x; /* y; */ z; */ from t -- w; v
                ;
                """;
        assertThat(texts(sql)).containsExactly(
                "insert into t values ('a;b', E'c\\';d', $$e;f$$, $x$g;$$;h$x$)",
                "select \"odd;name\" /* x; /* y; */ z; */ from t");
    }

    @Test
    void plpgsqlBodiesAndDoBlocksStayWhole() {
        String function = """
                CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$
                BEGIN
                    NEW.updated_at := now();
                    RETURN NEW;
                END;
                $$ LANGUAGE plpgsql""";
        String block = "DO $body$ BEGIN IF true THEN RAISE NOTICE 'x;'; END IF; END $body$";
        assertThat(texts(function + ";\n" + block + ";\n")).containsExactly(function, block);
    }

    @Test
    void ruleActionsInParenthesesKeepTheirSemicolons() {
        String rule = "CREATE RULE log_it AS ON INSERT TO t DO ALSO (INSERT INTO log VALUES (1); NOTIFY t)";
        assertThat(texts(rule + "; SELECT 1;")).containsExactly(rule, "SELECT 1");
    }

    @Test
    void sqlStandardFunctionBodiesKeepTheirSemicolonsCountingCase() {
        String function = """
                CREATE OR REPLACE FUNCTION sign_of(x int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                    SELECT CASE WHEN x > 0 THEN 1 WHEN x < 0 THEN CASE WHEN true THEN -1 END ELSE 0 END;
                    SELECT 2;
                END""";
        String procedure = "create procedure p() begin atomic insert into t values (1); end";
        assertThat(texts(function + ";\n" + procedure + ";\nSELECT 3")).containsExactly(function, procedure,
                "SELECT 3");
    }

    @Test
    void beginAtomicOutsideARoutineDoesNotOpenABody() {
        assertThat(texts("BEGIN ATOMIC; SELECT 1; END;")).containsExactly("BEGIN ATOMIC", "SELECT 1", "END");
    }

    @Test
    void emptyStatementsAreSkippedAndTheLastNeedsNoSemicolon() {
        assertThat(texts(";; select 1;;\n;select 2")).containsExactly("select 1", "select 2");
        assertThat(texts("  \n-- only a comment\n")).isEmpty();
        assertThat(texts("")).isEmpty();
    }

    @Test
    void statementPositionsPointIntoTheSource() {
        String sql = "-- head\n\nselect 1;\n  update t\n  set a = 'x\ny';";
        List<SqlStatement> statements = SqlScript.parse(sql).statements();
        SqlStatement update = statements.get(1);
        assertThat(update.text()).isEqualTo("update t\n  set a = 'x\ny'");
        assertThat(sql.substring(update.startOffset(), update.endOffset())).isEqualTo(update.text());
        assertThat(update.line()).isEqualTo(4);
        assertThat(update.column()).isEqualTo(3);
        assertThat(update.endLine()).isEqualTo(6);
        assertThat(update.tokens()).extracting(Token::text).containsExactly("update", "t", "set", "a", "=",
                "'x\ny'");
    }

    @Test
    void commentsInsideAStatementAreInItsTextButNotItsTokens() {
        SqlStatement statement = SqlStatement.parse("select 1 /* one */ + -- plus\n 2");
        assertThat(statement.text()).isEqualTo("select 1 /* one */ + -- plus\n 2");
        assertThat(statement.tokens()).extracting(Token::text).containsExactly("select", "1", "+", "2");
    }

    @Test
    void leadingCommentsAreThoseSinceThePreviousStatementEnded() {
        String sql = """
                -- slipway:no-transaction
                /* about the index */
                CREATE INDEX CONCURRENTLY i ON t (a); -- after the index
                -- slipway:batch key=id size=500
                UPDATE t SET a = 1;
                -- the end
                """;
        SqlScript script = SqlScript.parse(sql);
        assertThat(script.statements().get(0).leadingComments()).extracting(Token::text).containsExactly(
                "-- slipway:no-transaction", "/* about the index */");
        assertThat(script.statements().get(1).leadingComments()).extracting(Token::text).containsExactly(
                "-- after the index", "-- slipway:batch key=id size=500");
        assertThat(script.trailingComments()).extracting(Token::text).containsExactly("-- the end");
    }

    @Test
    void commentsBeforeAnEmptyStatementLeadTheNextOne() {
        SqlScript script = SqlScript.parse("select 1; -- a\n; -- b\nselect 2");
        assertThat(script.statements().get(1).leadingComments()).extracting(Token::text)
                .containsExactly("-- a", "-- b");
    }

    @Test
    void commentsAfterAnUnterminatedLastStatementTrailTheScript() {
        SqlScript script = SqlScript.parse("select 1 -- one\n/* done */\n");
        assertThat(script.statements()).extracting(SqlStatement::text).containsExactly("select 1");
        assertThat(script.trailingComments()).extracting(Token::text).containsExactly("-- one", "/* done */");
    }

    @Test
    void fileTransactionBlocksAreStatementsOfTheirOwn() {
        List<SqlStatement> statements = SqlScript.parse("BEGIN;\nALTER TABLE t ADD c int;\nCOMMIT;").statements();
        assertThat(statements).extracting(SqlStatement::transactionControl).containsExactly(
                TransactionControl.BEGIN, TransactionControl.NONE, TransactionControl.COMMIT);
    }

    @Test
    void psqlMetaCommandsAreRejectedWithTheirLine() {
        String sql = "select 1;\n\\connect \"postgresql://app:s3cret@db/app\"\nselect 2;";
        assertThatThrownBy(() -> SqlScript.parse(sql)).isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
            assertThat(e.getMessage()).startsWith("\\connect at line 2 is a psql command, not SQL")
                    .doesNotContain("s3cret");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(1);
        });
        assertThatThrownBy(() -> SqlScript.parse("select 1\n  \\gset")).isInstanceOf(SqlSyntaxException.class)
                .hasMessageStartingWith("\\gset at line 2 is a psql command, not SQL");
    }

    @Test
    void parsingOneStatementRequiresExactlyOne() {
        assertThat(SqlStatement.parse(" select 1; ").text()).isEqualTo("select 1");
        assertThatThrownBy(() -> SqlStatement.parse("select 1; select 2")).isInstanceOf(
                IllegalArgumentException.class).hasMessage("expected one SQL statement but found 2");
        assertThatThrownBy(() -> SqlStatement.parse("-- nothing")).isInstanceOf(IllegalArgumentException.class);
    }
}
