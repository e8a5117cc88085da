package dev.slipway.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.ExitStatus;
import dev.slipway.Slipway;
import dev.slipway.SlipwayException;
import dev.slipway.config.LogicalForeignKey;
import dev.slipway.config.RowCountTolerance;
import dev.slipway.config.VerifyConfig;
import dev.slipway.migration.Version;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every verification on a real server: failing when the database is wrong, passing once it is put right. */
@ExtendWith(PostgresExtension.class)
class VerifyTest {
    @TempDir
    Path project;

    private TestDatabase db;
    private Path migrations;
    private VerifyConfig config;

    @BeforeEach
    void freshDatabase(TestDatabase db) throws IOException {
        db.recreate();
        this.db = db;
        migrations = Files.createDirectories(project.resolve("db/migration"));
        config = VerifyConfig.defaults().resolvedAgainst(project);
    }

    private Slipway slipway() {
        return Slipway.configure().dataSource(db.dataSource()).locations(migrations.toString()).verify(config).load();
    }

    private VerifyReport verify(String... only) {
        return slipway().verify(VerifyOptions.defaults().withOnly(List.of(only)));
    }

    private static CheckResult only(VerifyReport report) {
        assertThat(report.results()).hasSize(1);
        return report.results().get(0);
    }

    private void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void revisionFailsBehindTheHeadAndPassesAtTheExpectedVersion() throws IOException {
        write(migrations.resolve("V1__orders.sql"), "create table orders (id bigint primary key);\n");
        write(migrations.resolve("V2__customers.sql"), "create table customers (id bigint primary key);\n");
        slipway().migrate(Version.parse("1"));

        CheckResult behind = only(verify("revision"));
        assertThat(behind.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(behind.summary()).isEqualTo("at 1, expected 2 (head); 1 migration(s) not as they should be");
        assertThat(behind.details()).singleElement().asString().startsWith("pending 2 ").endsWith("V2__customers.sql");

        VerifyReport atOne = slipway().verify(VerifyOptions.defaults().withOnly(List.of("revision"))
                .withExpect(Version.parse("1")));
        assertThat(atOne.ok()).as("V2 is meant to wait when 1 is expected").isTrue();

        slipway().migrate();
        assertThat(only(verify("revision")).summary()).isEqualTo("at 2, as expected (head, nothing pending)");
        assertThat(slipway().verify(VerifyOptions.defaults().withOnly(List.of("revision"))
                .withExpect(Version.parse("1"))).ok()).as("past the expected version").isFalse();
    }

    @Test
    void revisionFailsWhileAMigrationIsPartlyApplied() throws IOException {
        write(migrations.resolve("V1__tags.sql"), "-- slipway:no-transaction\ncreate table tags (id int);\n"
                + "insert into tags values ('x');\n");
        catchThrowableOfType(SlipwayException.class, () -> slipway().migrate());

        CheckResult result = only(verify("revision"));

        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.details()).singleElement().asString().startsWith("partial 1 ");
    }

    @Test
    void smokeQueriesPassWithNoRowsOrTrueAndFailWithTheRowsTheyReturn() throws IOException, SQLException {
        db.execute("create table orders (id bigint primary key, total numeric);"
                + " insert into orders values (1, 10), (2, -5), (3, -7)");
        write(project.resolve("checks/orders.sql"), """
                -- Smoke checks of the orders

                -- no negative totals
                select id, total from orders where total < 0 order by id;

                select count(*) > 0 from orders;
                select count(*) = 0 from orders;
                select id from orders where id > 100
                """);

        VerifyReport report = verify("smoke");

        assertThat(report.results()).extracting(CheckResult::name, CheckResult::status, CheckResult::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("no negative totals", CheckStatus.FAILED,
                                "checks/orders.sql:4"),
                        org.assertj.core.groups.Tuple.tuple("select count(*) > 0 from orders", CheckStatus.PASSED,
                                "checks/orders.sql:6"),
                        org.assertj.core.groups.Tuple.tuple("select count(*) = 0 from orders", CheckStatus.FAILED,
                                "checks/orders.sql:7"),
                        org.assertj.core.groups.Tuple.tuple("select id from orders where id > 100",
                                CheckStatus.PASSED, "checks/orders.sql:8"));
        CheckResult negative = report.results().get(0);
        assertThat(negative.summary()).startsWith("returned 2 row(s)");
        assertThat(negative.details()).containsExactly("id=2, total=-5", "id=3, total=-7");
        assertThat(report.results().get(2).summary()).isEqualTo("returned false");
        assertThat(report.verdict()).isEqualTo(CheckStatus.FAILED);
    }

    @Test
    void smokeQueriesCannotWrite() throws IOException, SQLException {
        db.execute("create table counter (n int); insert into counter values (1)");
        write(project.resolve("checks/sneaky.sql"),
                "with bumped as (update counter set n = n + 1 returning n) select n from bumped where false;\n");

        CheckResult result = only(verify("smoke"));

        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.summary()).contains("read-only transaction");
        assertThat(db.queryLong("select n from counter")).isEqualTo(1);
    }

    @Test
    void aCheckFileThatIsNotQueriesIsBadInputNamingFileAndLine() throws IOException {
        write(project.resolve("checks/wrong.sql"), "select 1 where false;\n\ndelete from orders;\n");

        SlipwayException e = catchThrowableOfType(SlipwayException.class, () -> verify("smoke"));

        assertThat(e.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(e.getMessage()).contains("starts with DELETE", "at checks/wrong.sql:3");

        write(project.resolve("checks/wrong.sql"), "select 1 where false;\nselect id from orders where;\n");
        SlipwayException syntax = catchThrowableOfType(SlipwayException.class, () -> verify("smoke"));
        assertThat(syntax.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(syntax.getMessage()).contains("syntax error", "at checks/wrong.sql:2");
    }

    @Test
    void aMigrationsCheckFileRunsOnceItsMigrationIsAppliedAndIsNoMigrationItself() throws IOException {
        write(migrations.resolve("V1__orders.sql"), "create table orders (id bigint primary key, total numeric);\n"
                + "insert into orders values (1, 10);\n");
        write(migrations.resolve("V1__orders.check.sql"), "-- every order has a total\n"
                + "select id from orders where total is null;\n");
        Slipway slipway = slipway();
        assertThat(slipway.skippedFiles()).isEmpty();
        assertThat(slipway.validate().migrations()).isEqualTo(1);

        CheckResult pending = only(verify("smoke"));
        assertThat(pending.status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(pending.summary()).endsWith("V1__orders.sql is not applied (pending)");

        slipway.migrate();
        CheckResult applied = only(verify("smoke"));
        assertThat(applied.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(applied.name()).isEqualTo("every order has a total");
        assertThat(applied.source()).endsWith("V1__orders.check.sql:2");
    }

    @Test
    void aCheckFileNamingNoMigrationIsBadInput() throws IOException {
        write(migrations.resolve("V1__orders.sql"), "create table orders (id bigint);\n");
        write(migrations.resolve("V1__order.check.sql"), "select 1 where false;\n");

        SlipwayException e = catchThrowableOfType(SlipwayException.class, () -> verify("smoke"));

        assertThat(e.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(e.getMessage()).contains("V1__order.check.sql names no migration");
    }

    @Test
    void anIndexLeftInvalidByAFailedConcurrentBuildFails() throws SQLException {
        db.execute("create table users (id bigint, email text); insert into users values (1, 'a'), (2, 'a')");
        try {
            db.execute("create unique index concurrently users_email_key on users (email)");
        } catch (SQLException expected) {
            // the duplicate 'a' fails the build and leaves the index behind, invalid
        }
        CheckResult result = only(verify("indexes"));
        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.details()).singleElement().asString()
                .startsWith("users_email_key on users: drop it with DROP INDEX CONCURRENTLY users_email_key");

        db.execute("drop index users_email_key; create index users_email_idx on users (email)");
        assertThat(only(verify("indexes")).status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void aConstraintLeftNotValidFails() throws SQLException {
        db.execute("create table customers (id bigint primary key); create table orders (customer_id bigint);"
                + " insert into customers values (1); insert into orders values (1);"
                + " alter table orders add constraint orders_customer_fk foreign key (customer_id)"
                + " references customers (id) not valid");

        CheckResult result = only(verify("constraints"));

        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.details()).containsExactly("foreign key orders_customer_fk on orders:"
                + " ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk");

        db.execute("alter table orders validate constraint orders_customer_fk");
        assertThat(only(verify("constraints")).status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void aSequenceBehindItsColumnFails() throws SQLException {
        db.execute("create table invoices (id serial primary key, n int);"
                + " insert into invoices (id, n) select g, g from generate_series(1, 100) g;"
                + " create table notes (id bigint generated by default as identity, body text);"
                + " insert into notes (body) values ('fine')");

        CheckResult result = only(verify("sequences"));

        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.summary()).startsWith("1 sequence(s) behind").contains("2 sequence(s) checked");
        assertThat(result.details()).containsExactly("invoices_id_seq would hand out 1, but invoices.id already has"
                + " 100: SELECT setval('invoices_id_seq', 100)");

        db.execute("select setval('invoices_id_seq', 100)");
        assertThat(only(verify("sequences")).status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void orphanedRowsAlongALogicalForeignKeyFailWithCountAndExamples() throws SQLException {
        config = config.withLogicalForeignKeys(List.of(LogicalForeignKey.parse("orders.customer_id -> customers.id"),
                LogicalForeignKey.parse("orders.customer_id -> clients.id")));
        db.execute("create table customers (id bigint primary key); create table orders (id bigint primary key,"
                + " customer_id bigint); insert into customers values (1);"
                + " insert into orders values (10, 1), (11, 7), (12, 8), (13, null)");

        VerifyReport report = verify("orphans");

        CheckResult orphans = report.results().get(0);
        assertThat(orphans.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(orphans.name()).isEqualTo("orphans orders.customer_id -> customers.id");
        assertThat(orphans.summary()).isEqualTo("2 orders row(s) point to no customers row");
        assertThat(orphans.details()).containsExactlyInAnyOrder("id=11, customer_id=7", "id=12, customer_id=8");
        CheckResult missing = report.results().get(1);
        assertThat(missing.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(missing.summary()).contains("clients does not exist");

        db.execute("delete from orders where customer_id in (7, 8)");
        assertThat(verify("orphans").results().get(0).status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void rowCountsAreComparedWithTheSnapshotWithinTheTolerance() throws SQLException, IOException {
        db.execute("create table events (id int); insert into events select generate_series(1, 1000);"
                + " create table users (id int); insert into users values (1), (2)");
        assertThat(only(verify("row-counts")).status()).as("no snapshot yet").isEqualTo(CheckStatus.SKIPPED);

        Path file = slipway().snapshotRowCounts();
        assertThat(file).isEqualTo(project.resolve(".slipway/row-counts-" + db.name() + ".json"));
        assertThat(Files.readString(file)).contains("\"events\" : 1000", "\"users\" : 2");

        db.execute("delete from events where id <= 50; create table audit (id int)");
        CheckResult within = only(verify("row-counts"));
        assertThat(within.status()).as("5% lost, 10% allowed").isEqualTo(CheckStatus.PASSED);
        assertThat(within.details()).containsExactly("audit: new since the snapshot, 0 row(s)");

        db.execute("delete from events where id <= 900");
        CheckResult lost = only(verify("row-counts"));
        assertThat(lost.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(lost.details()).first().isEqualTo("events: 1000 -> 100 (lost 900, 90.0%)");

        config = config.withRowCountTolerance(RowCountTolerance.parse("95%"));
        assertThat(only(verify("row-counts")).status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void integrityNamesAllFiveAndAnUnknownNameIsBadInput() {
        VerifyReport integrity = verify("integrity");
        assertThat(integrity.results()).extracting(CheckResult::check)
                .containsExactly("indexes", "constraints", "sequences", "orphans", "row-counts");
        assertThat(integrity.ok()).as("skipped checks do not fail").isTrue();

        SlipwayException e = catchThrowableOfType(SlipwayException.class, () -> verify("drift"));
        assertThat(e.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(e.getMessage()).contains("unknown check 'drift'", "revision, smoke, indexes");
    }

    @Test
    void extraChecksRunLastAndCanBeSelectedByName() {
        VerifyCheck drift = new VerifyCheck() {
            @Override
            public String name() {
                return "drift";
            }

            @Override
            public List<CheckResult> run(VerifyContext context) throws SQLException {
                long tables = context.session().queryLong("select count(*) from pg_tables where schemaname = 'public'");
                return List.of(CheckResult.failed("drift", "schema drift", tables + " table(s) differ", List.of()));
            }
        };
        VerifyOptions options = VerifyOptions.defaults().withCheck(drift);

        VerifyReport all = slipway().verify(options);
        assertThat(all.results().get(all.results().size() - 1).name()).isEqualTo("schema drift");
        assertThat(all.ok()).isFalse();
        assertThat(slipway().verify(options.withOnly(List.of("drift"))).results()).extracting(CheckResult::check)
                .containsExactly("drift");
    }
}
