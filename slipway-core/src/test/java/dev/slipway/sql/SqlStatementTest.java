package dev.slipway.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlStatementTest {

    @Test
    void keywordsAreTheFirstWordsUpperCased() {
        SqlStatement statement = SqlStatement.parse("create unique index \"Idx\" on public.t (a)");
        assertThat(statement.keywords(4)).containsExactly("CREATE", "UNIQUE", "INDEX", "ON");
        assertThat(statement.keywords(1)).containsExactly("CREATE");
        assertThat(SqlStatement.parse("vacuum").keywords(3)).containsExactly("VACUUM");
        assertThatThrownBy(() -> statement.keywords(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            BEGIN                                          | BEGIN
            begin work                                     | BEGIN
            BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE | BEGIN
            START TRANSACTION READ WRITE                   | BEGIN
            COMMIT                                         | COMMIT
            commit transaction and no chain                | COMMIT
            END                                            | COMMIT
            END WORK                                       | COMMIT
            ROLLBACK                                       | ROLLBACK
            ROLLBACK AND CHAIN                             | ROLLBACK
            ABORT TRANSACTION                              | ROLLBACK
            PREPARE TRANSACTION 'x'                        | NONE
            COMMIT PREPARED 'x'                            | NONE
            ROLLBACK PREPARED 'x'                          | NONE
            ROLLBACK TO SAVEPOINT s                        | NONE
            ROLLBACK WORK TO s                             | NONE
            SAVEPOINT s                                    | NONE
            START                                          | NONE
            SELECT 1                                       | NONE
            "begin"                                        | NONE
            """)
    void transactionControl(String sql, TransactionControl expected) {
        assertThat(SqlStatement.parse(sql).transactionControl()).isEqualTo(expected);
    }

    @Test
    void beginAtomicIsNoTransaction() {
        SqlStatement function = SqlStatement.parse(
                "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END");
        assertThat(function.transactionControl()).isEqualTo(TransactionControl.NONE);
        assertThat(SqlStatement.parse("BEGIN ATOMIC").transactionControl()).isEqualTo(TransactionControl.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE INDEX CONCURRENTLY i ON t (a)",
            "create unique index concurrently on t (a)",
            "DROP INDEX CONCURRENTLY IF EXISTS i",
            "REINDEX INDEX CONCURRENTLY i",
            "REINDEX (VERBOSE) TABLE CONCURRENTLY t",
            "REINDEX (CONCURRENTLY) TABLE t",
            "REINDEX (concurrently true, verbose) INDEX i",
            "REINDEX SCHEMA s",
            "REINDEX DATABASE db",
            "REINDEX SYSTEM",
            "VACUUM",
            "VACUUM (ANALYZE) t",
            "CREATE DATABASE db",
            "DROP DATABASE IF EXISTS db",
            "ALTER DATABASE db SET TABLESPACE fast",
            "CREATE TABLESPACE fast LOCATION '/ssd'",
            "DROP TABLESPACE fast",
            "ALTER SYSTEM SET work_mem = '64MB'",
            "CLUSTER",
            "CLUSTER VERBOSE",
            "CLUSTER (VERBOSE)",
            "ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY",
            "CREATE SUBSCRIPTION s CONNECTION 'dbname=a' PUBLICATION p",
            "CREATE SUBSCRIPTION s CONNECTION 'dbname=a' PUBLICATION p WITH (copy_data = false)",
            "DROP SUBSCRIPTION s",
            "ALTER SUBSCRIPTION s REFRESH PUBLICATION",
            "ALTER SUBSCRIPTION s SET PUBLICATION p",
            "DISCARD ALL",
            "COMMIT PREPARED 'x'",
            "ROLLBACK PREPARED 'x'",
    })
    void cannotRunInTransaction(String sql) {
        assertThat(SqlStatement.parse(sql).cannotRunInTransaction(15)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE INDEX i ON t (a)",
            "CREATE INDEX \"concurrently\" ON t (a)",
            "DROP INDEX i",
            "REINDEX TABLE t",
            "REINDEX (CONCURRENTLY false) TABLE t",
            "ANALYZE t",
            "ALTER DATABASE db SET default_tablespace = fast",
            "ALTER TABLESPACE fast RENAME TO quick",
            "CLUSTER t",
            "CLUSTER VERBOSE t USING t_pkey",
            "CLUSTER (VERBOSE) t",
            "ALTER TABLE measurements DETACH PARTITION measurements_2020",
            "ALTER TABLE measurements DETACH PARTITION measurements_2020 FINALIZE",
            "ALTER TABLE t ADD COLUMN detach int",
            "CREATE SUBSCRIPTION s CONNECTION 'dbname=a' PUBLICATION p WITH (create_slot = false, slot_name = x)",
            "CREATE SUBSCRIPTION s CONNECTION 'dbname=a' PUBLICATION p WITH (connect = 'off')",
            "ALTER SUBSCRIPTION s SET PUBLICATION p WITH (refresh = false)",
            "ALTER SUBSCRIPTION s DISABLE",
            "ALTER TYPE mood ADD VALUE 'meh'",
            "ALTER TYPE mood ADD ATTRIBUTE value int",
            "DISCARD PLANS",
            "COMMIT",
            "REFRESH MATERIALIZED VIEW CONCURRENTLY v",
            "SELECT 'CREATE INDEX CONCURRENTLY'",
            "DO $$ BEGIN VACUUM; END $$",
    })
    void canRunInTransaction(String sql) {
        assertThat(SqlStatement.parse(sql).cannotRunInTransaction(15)).isFalse();
    }

    @Test
    void addingAnEnumValueNeedsNoTransactionOnlyBeforePostgres12() {
        SqlStatement addValue = SqlStatement.parse("ALTER TYPE public.mood ADD VALUE IF NOT EXISTS 'meh' AFTER 'ok'");
        assertThat(addValue.cannotRunInTransaction(11)).isTrue();
        assertThat(addValue.cannotRunInTransaction(12)).isFalse();
    }

    @Test
    void concurrentIndexBuildWithEverything() {
        assertThat(SqlStatement.parse(
                "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS Users_Email ON ONLY App.\"Users\" USING btree (email)")
                .concurrentIndexBuild()).contains(new ConcurrentIndexBuild("app", "users_email", "Users", true, true));
    }

    @Test
    void concurrentIndexBuildWithoutNameOrSchema() {
        assertThat(SqlStatement.parse("create index concurrently on events (created_at)").concurrentIndexBuild())
                .contains(new ConcurrentIndexBuild(null, null, "events", false, false));
    }

    @Test
    void concurrentIndexBuildNamedLikeAKeyword() {
        assertThat(SqlStatement.parse("create index concurrently if on t (a)").concurrentIndexBuild())
                .contains(new ConcurrentIndexBuild(null, "if", "t", false, false));
    }

    @Test
    void concurrentIndexBuildWithCatalogQualifiedTableAndUnicodeName() {
        assertThat(SqlStatement.parse("create index concurrently U&\"\\00e9t\\00e9\" on db.s.t (a)")
                .concurrentIndexBuild()).contains(new ConcurrentIndexBuild("s", "été", "t", false, false));
    }

    @Test
    void otherStatementsAreNoConcurrentIndexBuild() {
        assertThat(SqlStatement.parse("CREATE INDEX i ON t (a)").concurrentIndexBuild()).isEmpty();
        assertThat(SqlStatement.parse("DROP INDEX CONCURRENTLY i").concurrentIndexBuild()).isEmpty();
        assertThat(SqlStatement.parse("CREATE INDEX CONCURRENTLY").concurrentIndexBuild()).isEmpty();
        assertThat(SqlStatement.parse("CREATE INDEX CONCURRENTLY i ON").concurrentIndexBuild())
                .isEqualTo(Optional.empty());
    }

    @Test
    void invalidUnicodeEscapeInAnIndexNameIsASyntaxError() {
        SqlStatement statement = SqlStatement.parse("create index concurrently U&\"\\zz\" on t (a)");
        assertThatThrownBy(statement::concurrentIndexBuild).isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("invalid Unicode escape").hasMessageContaining("line 1, column 27");
    }

    @Test
    void statementsValidateTheirParts() {
        Token word = new Token(TokenType.WORD, "x", 0, 1, 1);
        assertThatThrownBy(() -> new SqlStatement("x", 1, 1, 1, 0, 2, List.of(word), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SqlStatement("", 1, 1, 1, 0, 0, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
