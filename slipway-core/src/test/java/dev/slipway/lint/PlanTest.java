package dev.slipway.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Slipway;
import dev.slipway.migration.Version;
import dev.slipway.sql.LockMode;
import dev.slipway.sql.QualifiedName;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan} on a real server: live sizes, blocking estimates, predicted failures, and nothing changed. */
@ExtendWith(PostgresExtension.class)
class PlanTest {
    @TempDir
    Path migrations;

    @BeforeAll
    static void tables(TestDatabase db) throws SQLException {
        db.execute("""
                create table accounts (id bigint primary key, email text, tier text, plan_id bigint, score text);
                insert into accounts select g, 'user' || (g % 999000) || '@example.com',
                    case when g % 250000 = 7 then null else 'free' end, g % 10, (g % 100)::text
                    from generate_series(1, 1000000) g;
                create table plans (id bigint primary key, name text);
                insert into plans select g, 'plan ' || g from generate_series(1, 8) g;
                create table archive (id bigint primary key, email text, tier text);
                alter table accounts add constraint accounts_plan_fk foreign key (plan_id) references plans (id)
                    not valid;
                analyze accounts; analyze plans; analyze archive;
                """);
    }

    private Slipway slipway(TestDatabase db) {
        return Slipway.configure().dataSource(db.dataSource()).locations(migrations.toString()).load();
    }

    private static PlanReport.Step step(PlanReport plan, String sqlStart) {
        return plan.migrations().stream().flatMap(m -> m.statements().stream())
                .filter(s -> s.sql().startsWith(sqlStart)).findFirst().orElseThrow();
    }

    @Test
    void droppingAForeignKeyLocksTheReferencedTableToo(TestDatabase db) throws Exception {
        Files.writeString(migrations.resolve("V1__drop_fk.sql"), """
                ALTER TABLE accounts DROP CONSTRAINT accounts_plan_fk;
                ALTER TABLE accounts DROP CONSTRAINT IF EXISTS no_such_constraint;
                """);
        PlanReport plan = slipway(db).plan(null, PlanOptions.defaults());

        // the catalog says accounts_plan_fk references plans: its triggers there go too, under ACCESS EXCLUSIVE
        assertThat(step(plan, "ALTER TABLE accounts DROP CONSTRAINT accounts_plan_fk").locks())
                .extracting(lock -> lock.relation() + " " + lock.mode())
                .containsExactly("accounts ACCESS_EXCLUSIVE", "public.plans ACCESS_EXCLUSIVE");
        assertThat(step(plan, "ALTER TABLE accounts DROP CONSTRAINT IF EXISTS").locks())
                .extracting(lock -> lock.relation().toString()).containsExactly("accounts");
        assertThat(db.queryLong("select count(*) from pg_constraint where conname = 'accounts_plan_fk'"))
                .as("the plan runs nothing").isEqualTo(1);
    }

    @Test
    void aStatementOnAMillionRowsRanksAboveTheSameOnAnEmptyTable(TestDatabase db) throws Exception {
        Files.writeString(migrations.resolve("V1__indexes.sql"), """
                CREATE INDEX archive_email_idx ON archive (email);
                CREATE INDEX accounts_email_idx ON accounts (email);
                """);
        PlanReport plan = slipway(db).plan(null, PlanOptions.defaults());

        PlanReport.Step big = step(plan, "CREATE INDEX accounts_email_idx");
        PlanReport.Step empty = step(plan, "CREATE INDEX archive_email_idx");
        assertThat(big.locks()).singleElement().satisfies(lock -> {
            assertThat(lock.relation()).isEqualTo(QualifiedName.of("accounts"));
            assertThat(lock.mode()).isEqualTo(LockMode.SHARE);
            assertThat(lock.size().rows()).isBetween(900_000L, 1_100_000L);
            assertThat(lock.size().bytes()).isGreaterThan(30_000_000L);
        });
        assertThat(empty.locks().get(0).size().rows()).isZero();
        assertThat(big.work()).isEqualTo(Impact.Work.INDEX_BUILD);
        assertThat(big.blocking()).isGreaterThan(empty.blocking());
        assertThat(big.blocking().toMillis()).isPositive();
        assertThat(plan.rankedByBlocking().get(0)).isEqualTo(big);
        assertThat(big.findings()).extracting(Finding::rule).containsExactly("create-index-non-concurrently");
        assertThat(plan.migrations().get(0).how()).isEqualTo("one transaction");
        assertThat(plan.verdict()).isEqualTo(PlanReport.Verdict.REVIEW);
        assertThat(plan.server()).startsWith(String.valueOf(plan.pgMajor()));
        assertThat(db.queryLong("select count(*) from pg_indexes where indexname like '%email_idx'"))
                .as("the plan runs nothing").isZero();
    }

    @Test
    void predictsTheStatementsThatWouldFailOnTodaysRows(TestDatabase db) throws Exception {
        Files.writeString(migrations.resolve("V1__constraints.sql"), """
                -- slipway:no-transaction
                ALTER TABLE accounts ALTER COLUMN tier SET NOT NULL;
                ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email);
                ALTER TABLE accounts ADD CONSTRAINT accounts_score_small CHECK (score::int < 98);
                ALTER TABLE accounts VALIDATE CONSTRAINT accounts_plan_fk;
                ALTER TABLE plans ADD CONSTRAINT plans_name_key UNIQUE (name);
                ALTER TABLE accounts ALTER COLUMN score TYPE integer;
                """);
        PlanReport plan = slipway(db).plan(null, PlanOptions.defaults());

        PlanReport.Prediction nulls = step(plan, "ALTER TABLE accounts ALTER COLUMN tier").predictions().get(0);
        assertThat(nulls.outcome()).isEqualTo(PlanReport.Outcome.WILL_FAIL);
        assertThat(nulls.count()).isEqualTo(4);
        assertThat(nulls.examples()).contains("id=7", "id=250007");
        assertThat(nulls.check()).isEqualTo("NULLs in accounts.tier");

        PlanReport.Prediction duplicates = step(plan, "ALTER TABLE accounts ADD CONSTRAINT accounts_email_key")
                .predictions().get(0);
        assertThat(duplicates.outcome()).isEqualTo(PlanReport.Outcome.WILL_FAIL);
        assertThat(duplicates.count()).isEqualTo(1000);
        assertThat(duplicates.examples().get(0)).contains("email=user", "copies=2");

        PlanReport.Prediction check = step(plan, "ALTER TABLE accounts ADD CONSTRAINT accounts_score_small")
                .predictions().get(0);
        assertThat(check.outcome()).isEqualTo(PlanReport.Outcome.WILL_FAIL);
        assertThat(check.count()).as("counting stops at the limit").isEqualTo(10_000);
        assertThat(check.detail()).contains("at least 10000");

        PlanReport.Prediction orphans = step(plan, "ALTER TABLE accounts VALIDATE").predictions().get(0);
        assertThat(orphans.outcome()).isEqualTo(PlanReport.Outcome.WILL_FAIL);
        assertThat(orphans.examples().get(0)).startsWith("plan_id=");
        assertThat(orphans.check()).contains("without a match in plans");

        assertThat(step(plan, "ALTER TABLE plans ADD CONSTRAINT").predictions()).singleElement()
                .satisfies(p -> assertThat(p.outcome()).isEqualTo(PlanReport.Outcome.PASSES));

        PlanReport.Prediction cast = step(plan, "ALTER TABLE accounts ALTER COLUMN score TYPE").predictions().get(0);
        if (plan.pgMajor() >= 16) {
            assertThat(cast.outcome()).isEqualTo(PlanReport.Outcome.PASSES);
        } else {
            assertThat(cast.outcome()).isEqualTo(PlanReport.Outcome.NOT_CHECKED);
            assertThat(cast.detail()).contains("PostgreSQL 16");
        }

        assertThat(plan.verdict()).isEqualTo(PlanReport.Verdict.UNSAFE);
        assertThat(plan.reasons()).anySatisfy(r -> assertThat(r).contains("will fail on today's rows"));
        assertThat(plan.failsAt(Severity.ERROR)).isTrue();
        assertThat(db.queryLong("select count(*) from pg_constraint where conname in ('accounts_email_key',"
                + " 'accounts_score_small', 'plans_name_key')")).as("the plan changes nothing").isZero();
        assertThat(db.queryString("select convalidated::text from pg_constraint where conname = 'accounts_plan_fk'"))
                .isEqualTo("false");
    }

    @Test
    void aVeryLargeTableIsSampledAndThePlanSaysSo(TestDatabase db) throws Exception {
        Files.writeString(migrations.resolve("V1__not_null.sql"),
                "ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;\n");
        PlanOptions sampling = new PlanOptions(PlanOptions.defaults().maxBlocking(),
                PlanOptions.defaults().checkTimeout(), 10_000, PlanOptions.defaults().largeTableRows());
        PlanReport.Prediction prediction = step(slipway(db).plan(null, sampling), "ALTER TABLE accounts")
                .predictions().get(0);
        assertThat(prediction.sampled()).isTrue();
        assertThat(prediction.outcome()).isEqualTo(PlanReport.Outcome.PASSES);
        assertThat(prediction.detail()).contains("sample");
    }

    @Test
    void liveSizesBringTheLargeUpdateRuleAndTablesOfEarlierFilesCountAsNew(TestDatabase db) throws Exception {
        Files.writeString(migrations.resolve("V1__backfill.sql"),
                "UPDATE accounts SET tier = 'free' WHERE tier IS NULL;\n"
                        + "UPDATE accounts SET score = '0' WHERE id > 0;\n");
        Files.writeString(migrations.resolve("V2__invoices.sql"),
                "CREATE TABLE invoices (id bigint PRIMARY KEY, account_id bigint);\n");
        Files.writeString(migrations.resolve("V3__invoices_index.sql"),
                "CREATE INDEX invoices_account_idx ON invoices (account_id);\n");
        PlanReport plan = slipway(db).plan(null, PlanOptions.defaults());
        assertThat(plan.migrations()).extracting(PlanReport.Migration::script).containsExactly(
                migrations.resolve("V1__backfill.sql").toString(), migrations.resolve("V2__invoices.sql").toString(),
                migrations.resolve("V3__invoices_index.sql").toString());
        PlanReport.Step few = step(plan, "UPDATE accounts SET tier");
        PlanReport.Step all = step(plan, "UPDATE accounts SET score");
        assertThat(few.findings()).extracting(Finding::rule).containsExactly("large-update-without-batch");
        assertThat(few.blocking()).as("EXPLAIN estimates a handful of rows").isLessThan(all.blocking());
        assertThat(all.locks().get(0).mode()).isEqualTo(LockMode.ROW_EXCLUSIVE);
        PlanReport.Step index = step(plan, "CREATE INDEX invoices_account_idx");
        assertThat(index.findings()).isEmpty();
        assertThat(index.locks().get(0).size()).as("the table does not exist yet").isNull();
    }

    @Test
    void aBatchedUpdateIsPlannedAsTheRunnerRunsItBatchByBatch(TestDatabase db) throws Exception {
        Files.writeString(migrations.resolve("V1__backfill.sql"),
                "-- slipway:batch key=id size=2000\nUPDATE accounts SET score = '0' WHERE id > 0;\n");
        PlanReport plan = slipway(db).plan(null, PlanOptions.defaults());
        assertThat(plan.migrations().get(0).how())
                .isEqualTo("statement by statement (line 2 runs in batches of 2000 id values, each committed)");
        assertThat(step(plan, "UPDATE accounts").findings()).isEmpty();
    }

    @Test
    void aTargetStopsThePlanAndAPooledSessionGoesBackWritable(TestDatabase db) throws Exception {
        Files.writeString(migrations.resolve("V1__a.sql"), "CREATE TABLE a (id bigint);\n");
        Files.writeString(migrations.resolve("V2__b.sql"), "CREATE TABLE b (id bigint);\n");
        PlanReport plan = slipway(db).plan(Version.parse("1"), PlanOptions.defaults());
        assertThat(plan.migrations()).singleElement().satisfies(m -> assertThat(m.version()).isEqualTo("1"));
        assertThat(plan.verdict()).isEqualTo(PlanReport.Verdict.SAFE);
        assertThat(plan.reasons()).isEmpty();
        try (Connection session = db.connect(); Statement statement = session.createStatement()) {
            List<Planner.Input> inputs = List.of(new Planner.Input("x.sql", "1", "SELECT 1;"));
            Planner.plan(session, inputs, PlanOptions.defaults());
            statement.execute("create table written_after_plan (id bigint)");
        }
    }
}
