package dev.slipway.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The linter's judgement in context: directives, positions, versions, transactions and earlier statements. */
class LinterTest {
    private static final Linter PG17 = Linter.of(LintOptions.defaults());

    private static List<String> rules(FileReport report) {
        return report.active().stream().map(Finding::rule).toList();
    }

    private static List<String> rules(String sql) {
        return rules(PG17.lint("V1__x.sql", sql));
    }

    private static List<String> rules(int pgMajor, String sql) {
        return rules(Linter.of(LintOptions.defaults().withPgMajor(pgMajor)).lint("V1__x.sql", sql));
    }

    @Test
    void findingsSayFileLineColumnAndTheRewrittenStatement() {
        FileReport report = PG17.lint("db/migration/V3__index.sql",
                "-- speeds up the dashboard\n\nCREATE INDEX applications_status_idx\n  ON applications (status);\n");
        assertThat(report.active()).hasSize(1);
        Finding finding = report.active().get(0);
        assertThat(finding.where()).isEqualTo("db/migration/V3__index.sql:3:1");
        assertThat(finding.rule()).isEqualTo("create-index-non-concurrently");
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message()).contains("applications_status_idx", "applications", "SHARE lock");
        assertThat(finding.fix()).startsWith("CREATE INDEX CONCURRENTLY applications_status_idx\n  ON applications"
                + " (status);");
        Finding column = PG17.lint("f.sql", "ALTER TABLE users\n    ADD COLUMN tier text NOT NULL;").active().get(0);
        assertThat(column.where()).isEqualTo("f.sql:2:16");
    }

    @Test
    void anAllowWithAReasonAcceptsTheFindingAndKeepsTheReason() {
        FileReport report = PG17.lint("f.sql", """
                CREATE TABLE audit (id bigint);
                -- slipway:allow drop-column because phase 3 of renaming description; release 42 reads description_text
                ALTER TABLE jobs DROP COLUMN description;
                ALTER TABLE jobs DROP COLUMN summary;
                """);
        assertThat(report.allowed()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("drop-column");
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.allowedBecause()).startsWith("phase 3 of renaming description");
        });
        assertThat(report.active()).extracting(Finding::line).containsExactly(4);
        assertThat(report.failsAt(Severity.ERROR)).isTrue();
    }

    @Test
    void anAllowAboveTheFirstStatementCoversTheWholeFile() {
        FileReport report = PG17.lint("f.sql", """
                -- slipway:allow drop-table because the reporting tables moved to the warehouse
                DROP TABLE report_daily;
                DROP TABLE report_monthly;
                """);
        assertThat(report.active()).isEmpty();
        assertThat(report.allowed()).hasSize(2);
        assertThat(report.worst()).isEmpty();
    }

    @Test
    void directivesSlipwayCannotObeyAreErrors() {
        FileReport report = PG17.lint("f.sql", """
                SELECT 1;
                -- slipway:allow drop-tabel because it moved
                DROP TABLE t;
                -- slipway:no-transaction
                SELECT 2;
                -- slipway:batch key=id
                SELECT 3;
                """);
        assertThat(report.active()).filteredOn(f -> f.rule().equals("invalid-directive"))
                .extracting(Finding::line, Finding::message)
                .anySatisfy(t -> assertThat(t.toList()).containsExactly(2,
                        "'-- slipway:allow drop-tabel' names no lint rule (did you mean 'drop-table'?); the rules are"
                                + " listed in docs/rules"))
                .anySatisfy(t -> assertThat(t.toList().get(0)).isEqualTo(4))
                .anySatisfy(t -> assertThat(t.toList().get(0)).isEqualTo(6));
        assertThat(rules(report)).contains("drop-table");
    }

    @Test
    void aFlywayPlaceholderInCodeIsAnErrorButNotInStringsCommentsOrDollarQuotes() {
        FileReport report = PG17.lint("V1__x.sql", "-- owned by ${owner}\n"
                + "CREATE TABLE ${schema}.users (id bigint PRIMARY KEY, note text DEFAULT '${note}');\n"
                + "CREATE FUNCTION f() RETURNS text AS $$ SELECT '${x}' $$ LANGUAGE sql;\n"
                + "PREPARE q AS SELECT $1 FROM app.users;\n");

        assertThat(report.active()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("unreplaced-placeholder");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.where()).isEqualTo("V1__x.sql:2:14");
            assertThat(finding.message()).startsWith("${schema} is a placeholder that nothing replaces");
        });
    }

    @Test
    void sqlThatCannotBeSplitIsOneFindingAtItsPosition() {
        FileReport quote = PG17.lint("f.sql", "SELECT 1;\nUPDATE t SET a = 'x WHERE id = 1;\n");
        assertThat(quote.active()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("sql-syntax");
            assertThat(f.line()).isEqualTo(2);
        });
        FileReport psql = PG17.lint("f.sql", "SELECT 1;\n\\connect other\n");
        assertThat(psql.active()).singleElement().satisfies(f -> assertThat(f.message()).contains("\\connect",
                "psql command"));
    }

    @Test
    void aTableCreatedEarlierInTheFileTakesNoLockWarnings() {
        assertThat(rules("""
                CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint, total numeric);
                CREATE INDEX invoices_customer_idx ON invoices (customer_id);
                ALTER TABLE invoices ADD COLUMN status text NOT NULL;
                ALTER TABLE invoices ALTER COLUMN total SET NOT NULL;
                ALTER TABLE invoices ADD CONSTRAINT invoices_customer_fk FOREIGN KEY (customer_id)
                    REFERENCES customers (id);
                ALTER TABLE invoices ADD CONSTRAINT invoices_total_positive CHECK (total > 0);
                ALTER TABLE invoices RENAME COLUMN total TO amount;
                ALTER TABLE invoices ALTER COLUMN amount TYPE numeric(12, 2);
                UPDATE invoices SET status = 'open';
                """)).isEmpty();
        assertThat(rules("ALTER TABLE invoices ADD COLUMN status text NOT NULL;"))
                .containsExactly("adding-not-null-column");
    }

    @Test
    void droppingAnIndexCreatedEarlierStillLocksAnExistingTable() {
        assertThat(rules("CREATE INDEX CONCURRENTLY i ON orders (a);\nDROP INDEX i;"))
                .containsExactly("drop-index-non-concurrently");
        assertThat(rules("CREATE TABLE t (a text);\nCREATE INDEX i ON t (a);\nDROP INDEX i;")).isEmpty();
    }

    @Test
    void aTableCreatedByAnEarlierPendingFileCountsAsNewInTheLaterOnes() {
        List<FileReport> reports = PG17.lintInOrder(List.of(
                new Linter.Source("V1__create.sql", "CREATE TABLE invoices (id bigint, customer_id bigint);"),
                new Linter.Source("V2__index.sql", "CREATE INDEX invoices_customer_idx ON invoices (customer_id);"),
                new Linter.Source("V3__index.sql", "CREATE INDEX orders_customer_idx ON orders (customer_id);")));
        assertThat(reports.get(1).active()).isEmpty();
        assertThat(rules(reports.get(2))).containsExactly("create-index-non-concurrently");
        assertThat(rules(PG17.lint("V2__index.sql", "CREATE INDEX invoices_customer_idx ON invoices (customer_id);")))
                .containsExactly("create-index-non-concurrently");
    }

    @Test
    void setNotNullIsProvenByAValidatedCheckFromPostgres12On() {
        String twoPhases = """
                BEGIN;
                ALTER TABLE users ADD CONSTRAINT users_tier_nn CHECK (tier IS NOT NULL) NOT VALID;
                COMMIT;
                BEGIN;
                ALTER TABLE users VALIDATE CONSTRAINT users_tier_nn;
                ALTER TABLE users ALTER COLUMN tier SET NOT NULL;
                COMMIT;
                """;
        assertThat(rules(12, twoPhases)).doesNotContain("set-not-null");
        assertThat(rules(11, twoPhases)).contains("set-not-null");
        assertThat(rules(17, "ALTER TABLE users ALTER COLUMN tier SET NOT NULL;")).containsExactly("set-not-null");
        assertThat(rules(17, """
                ALTER TABLE users ADD CONSTRAINT users_tier_nn CHECK (tier IS NOT NULL) NOT VALID;
                ALTER TABLE users ALTER COLUMN tier SET NOT NULL;
                """)).as("a check that is not validated proves nothing").contains("set-not-null");
        Finding old = Linter.of(LintOptions.defaults().withPgMajor(11)).lint("f.sql",
                "ALTER TABLE users ALTER COLUMN tier SET NOT NULL;").active().get(0);
        assertThat(old.fix()).contains("PostgreSQL 11 always scans");
    }

    @Test
    void addingAColumnRewritesOnlyWhenEachRowNeedsItsOwnValue() {
        assertThat(rules(11, "ALTER TABLE t ADD COLUMN c bigint DEFAULT 10;")).isEmpty();
        assertThat(rules(10, "ALTER TABLE t ADD COLUMN c bigint DEFAULT 10;")).containsExactly("adding-column-rewrite");
        assertThat(rules("ALTER TABLE t ADD COLUMN c timestamptz DEFAULT now();")).isEmpty();
        assertThat(rules("ALTER TABLE t ADD COLUMN c text DEFAULT lower('A') || 'b';")).isEmpty();
        assertThat(rules("ALTER TABLE t ADD COLUMN c uuid DEFAULT gen_random_uuid();"))
                .containsExactly("adding-column-rewrite");
        assertThat(rules("ALTER TABLE t ADD COLUMN c bigserial;")).contains("adding-column-rewrite");
        assertThat(rules("ALTER TABLE t ADD COLUMN c bigint GENERATED ALWAYS AS IDENTITY;"))
                .containsExactly("adding-column-rewrite");
        assertThat(rules("ALTER TABLE t ADD COLUMN c bigint GENERATED ALWAYS AS (a + 1) STORED;"))
                .containsExactly("adding-column-rewrite");
        assertThat(rules("ALTER TABLE t ADD COLUMN c bigint GENERATED ALWAYS AS (a + 1) VIRTUAL;")).isEmpty();
    }

    @Test
    void validatingInTheTransactionThatAddedTheConstraintIsFlaggedUnlessTheyCommitApart() {
        String sameFile = """
                ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
                ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;
                """;
        assertThat(rules(sameFile)).containsExactly("validate-in-same-transaction");
        assertThat(rules("-- slipway:no-transaction\n" + sameFile)).isEmpty();
        assertThat(rules("BEGIN;\n" + sameFile.replace("NOT VALID;\n", "NOT VALID;\nCOMMIT;\nBEGIN;\n") + "COMMIT;\n"))
                .isEmpty();
        assertThat(rules("ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;")).isEmpty();
    }

    @Test
    void concurrentlyFailsOnlyInsideABeginCommitBlock() {
        assertThat(rules("BEGIN;\nCREATE INDEX CONCURRENTLY i ON t (a);\nCOMMIT;"))
                .containsExactly("concurrently-in-transaction");
        assertThat(rules("BEGIN;\nVACUUM t;\nCOMMIT;")).containsExactly("concurrently-in-transaction");
        // the runner takes such a file statement by statement and runs the index build on its own
        assertThat(rules("CREATE INDEX CONCURRENTLY i ON t (a);\nALTER TABLE t ADD COLUMN b text;")).isEmpty();
        assertThat(PG17.lint("f.sql", "BEGIN;\nDROP INDEX CONCURRENTLY i;\nCOMMIT;").active().get(0).fix())
                .contains("-- slipway:no-transaction");
    }

    @Test
    void transactionBlocksMustNeitherNestNorStayOpenNorRollBack() {
        assertThat(rules("BEGIN;\nBEGIN;\nSELECT 1;\nCOMMIT;")).containsExactly("transaction-nesting");
        assertThat(rules("SELECT 1;\nCOMMIT;")).containsExactly("transaction-nesting");
        assertThat(rules("BEGIN;\nSELECT 1;\nROLLBACK;")).containsExactly("transaction-nesting");
        FileReport open = PG17.lint("f.sql", "SELECT 1;\nBEGIN;\nCREATE TABLE users (id bigint);\n");
        assertThat(open.active()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("uncommitted-transaction");
            assertThat(f.line()).isEqualTo(2);
        });
        assertThat(rules("BEGIN;\nSELECT 1;\nCOMMIT;\nBEGIN;\nSELECT 2;\nEND;")).isEmpty();
    }

    @Test
    void largeUpdatesNeedABatchDirectiveOnceLiveSizesAreKnown() {
        TableSizes sizes = table -> Optional.of(table.name().equals("outreach")
                ? new TableSize(10_000_000, 9_000_000_000L) : new TableSize(50, 8192));
        Linter live = Linter.of(LintOptions.defaults().withSizes(sizes));
        String update = "UPDATE outreach SET body = replace(body, 'a', 'b') WHERE body LIKE '%a%';\n";
        assertThat(rules(live.lint("f.sql", update))).containsExactly("large-update-without-batch");
        assertThat(live.lint("f.sql", update).active().get(0).message()).contains("10000000 rows");
        assertThat(rules(live.lint("f.sql", "-- slipway:batch key=id size=1000\n" + update))).isEmpty();
        assertThat(rules(live.lint("f.sql", "DELETE FROM settings WHERE name = 'old';"))).isEmpty();
        assertThat(rules(update)).as("offline nothing is known about sizes").isEmpty();
    }

    @Test
    void aBatchDirectiveStatesThatEveryRowIsMeant() {
        assertThat(rules("UPDATE users SET tier = 'free';")).containsExactly("update-without-where");
        assertThat(rules("DELETE FROM sessions;")).containsExactly("delete-without-where");
        assertThat(rules("-- slipway:batch key=id\nUPDATE users SET tier = 'free';")).isEmpty();
        assertThat(rules("SELECT 1;\n-- slipway:batch key=id size=500\nDELETE FROM sessions;")).isEmpty();
    }

    @Test
    void aColumnNamedTwiceInAnUpdateOrInsertFails() {
        assertThat(rules("UPDATE t SET a = 1, b.x = 2, b.y = 3, a = 4 WHERE id = 1;"))
                .containsExactly("duplicate-column-assignment");
        assertThat(rules("INSERT INTO t (note, note) VALUES (1, 2);")).containsExactly("duplicate-column-assignment");
        assertThat(rules("CREATE TABLE t (owner_id text, owner_id bigint);"))
                .containsExactly("duplicate-column-assignment");
        assertThat(rules("INSERT INTO t (\"A\", a) VALUES (1, 2); UPDATE t SET a[1] = 1, a[2] = 2 WHERE true;"))
                .isEmpty();
    }

    @Test
    void fixesFollowTheServerVersion() {
        Finding reindex11 = Linter.of(LintOptions.defaults().withPgMajor(11)).lint("f.sql", "REINDEX TABLE t;")
                .active().get(0);
        assertThat(reindex11.fix()).contains("has no REINDEX CONCURRENTLY");
        assertThat(PG17.lint("f.sql", "REINDEX TABLE t;").active().get(0).fix())
                .startsWith("REINDEX TABLE CONCURRENTLY t;");
        Finding detach13 = Linter.of(LintOptions.defaults().withPgMajor(13))
                .lint("f.sql", "ALTER TABLE m DETACH PARTITION m_2019;").active().get(0);
        assertThat(detach13.fix()).contains("cannot detach concurrently");
        assertThat(PG17.lint("f.sql", "ALTER TABLE m DETACH PARTITION m_2019;").active().get(0).fix())
                .contains("DETACH PARTITION m_2019 CONCURRENTLY");
    }

    @Test
    void destructiveStatementsAreErrorsAndSafeOnesPass() {
        assertThat(rules("DROP SCHEMA legacy CASCADE;")).containsExactly("drop-schema");
        assertThat(rules("TRUNCATE a, b CASCADE;")).containsExactly("truncate-cascade");
        assertThat(rules("TRUNCATE a;")).containsExactly("truncate");
        assertThat(rules("CREATE TABLE scratch (id bigint);\nTRUNCATE scratch;\nDROP TABLE scratch;")).isEmpty();
        assertThat(rules("ALTER TABLE applications ADD COLUMN offer_details jsonb;")).isEmpty();
        assertThat(PG17.lint("f.sql", "DROP TABLE a; DROP TABLE b;").worst()).contains(Severity.ERROR);
    }

    @Test
    void severitiesCompareAndParse() {
        assertThat(Severity.ERROR.atLeast(Severity.WARNING)).isTrue();
        assertThat(Severity.ADVICE.atLeast(Severity.WARNING)).isFalse();
        assertThat(Severity.parse("Warning")).isEqualTo(Severity.WARNING);
        assertThat(LintOptions.parsePgVersion("15.4")).isEqualTo(15);
        assertThat(LintOptions.parsePgVersion("9.6")).isEqualTo(9);
        FileReport advice = PG17.lint("f.sql", "CREATE TABLE t (created timestamp);");
        assertThat(advice.failsAt(Severity.ERROR)).isFalse();
        assertThat(advice.failsAt(Severity.ADVICE)).isTrue();
    }

    @Property(tries = 500)
    void neverThrowsOnAnyText(@ForAll String text) {
        FileReport report = PG17.lint("random.sql", text);
        assertThat(report.file()).isEqualTo("random.sql");
    }

    @Property(tries = 300)
    void neverThrowsOnMutatedMigrations(@ForAll("mutations") String text) {
        assertThat(PG17.lint("mutated.sql", text)).isNotNull();
    }

    @Provide
    Arbitrary<String> mutations() {
        List<String> sources = Rules.infos().stream().flatMap(r -> Stream.of(r.bad(), r.good()))
                .toList();
        return Combinators.combine(Arbitraries.of(sources), Arbitraries.integers().between(0, 400),
                        Arbitraries.integers().between(0, 40))
                .as((sql, from, length) -> {
                    int start = Math.min(from, sql.length());
                    int end = Math.min(sql.length(), start + length);
                    return sql.substring(0, start) + sql.substring(end);
                });
    }
}
