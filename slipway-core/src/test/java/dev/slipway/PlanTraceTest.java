package dev.slipway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.lint.Finding;
import dev.slipway.lint.Impact;
import dev.slipway.lint.PlanOptions;
import dev.slipway.lint.PlanReport;
import dev.slipway.sandbox.Sandbox;
import dev.slipway.sandbox.TestSandboxes;
import dev.slipway.sql.LockMode;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.PostgresServers;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan --trace}: each pending statement runs on a scratch database with the target's schema, and what the
 * server locked and rewrote there replaces the model's guess; the target itself is only read.
 */
@ExtendWith(PostgresExtension.class)
class PlanTraceTest {
    @AutoClose
    private static Sandbox sandbox;

    @TempDir
    Path project;

    private TestDatabase target;
    private Path migrations;

    @BeforeAll
    static void openSandbox(TestDatabase db) {
        // the test server doubles as the dev server: a scratch database per trace
        sandbox = TestSandboxes.onServerOf(db);
    }

    @BeforeEach
    void migrateTheTarget() throws Exception {
        target = PostgresServers.newDatabase(PostgresServers.defaultMajor(), "trace_target");
        migrations = Files.createDirectories(project.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__orders.sql"), """
                create table orders (id bigint primary key, status varchar(20) not null, total int, note jsonb);
                create index orders_status_idx on orders (status);
                create function default_region() returns text language sql stable as $$ select 'eu' $$;
                insert into orders select n, 'new', n from generate_series(1, 2000) n;
                """);
        slipway().migrate();
    }

    @AfterEach
    void dropTarget() {
        target.server().dropDatabase(target.name());
    }

    private Slipway slipway() {
        return Slipway.configure().url(target.libpqUrl()).locations(migrations.toString()).load();
    }

    @Test
    void whatTheServerDidReplacesTheModelWhereTheyDiffer() throws Exception {
        Files.writeString(migrations.resolve("V2__changes.sql"), """
                alter table orders add column region text default default_region();
                alter table orders alter column total type bigint;
                do $$ begin execute 'alter table orders alter column note type text'; end $$;
                create index concurrently orders_total_idx on orders (total);
                drop index orders_status_idx;
                """);

        PlanReport untraced = slipway().plan(null, PlanOptions.defaults());
        PlanReport traced = slipway().plan(null, PlanOptions.defaults(), sandbox);
        List<PlanReport.Step> model = untraced.migrations().get(0).statements();
        List<PlanReport.Step> steps = traced.migrations().get(0).statements();

        // the rule cannot know default_region() is stable and expects a rewrite; the server did none
        assertThat(model.get(0).rewrite()).isTrue();
        assertThat(finding(model.get(0), "adding-column-rewrite").allowed()).isFalse();
        assertThat(steps.get(0).observed().outcome()).isEqualTo(PlanReport.Traced.RAN);
        assertThat(steps.get(0).observed().rewritten()).isEmpty();
        assertThat(steps.get(0).rewrite()).isFalse();
        assertThat(steps.get(0).work()).isEqualTo(Impact.Work.CATALOG);
        assertThat(finding(steps.get(0), "adding-column-rewrite").allowedBecause()).contains("saw no rewrite");

        // int to bigint: model and server agree, the table was rewritten under ACCESS EXCLUSIVE
        assertThat(steps.get(1).observed().rewritten()).extracting(Object::toString).containsExactly("public.orders");
        assertThat(steps.get(1).locks()).extracting(PlanReport.RelationLock::mode)
                .containsExactly(LockMode.ACCESS_EXCLUSIVE);
        assertThat(steps.get(1).locks().get(0).size()).as("the target's size").isNotNull();

        // a DO block is opaque to the model; the trace sees the lock and the rewrite it hides
        assertThat(model.get(2).modelled()).isFalse();
        assertThat(model.get(2).locks()).isEmpty();
        assertThat(steps.get(2).modelled()).isTrue();
        assertThat(steps.get(2).rewrite()).isTrue();
        assertThat(steps.get(2).locks()).singleElement().satisfies(lock -> {
            assertThat(lock.relation()).hasToString("public.orders");
            assertThat(lock.mode()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(lock.size().rows()).isEqualTo(2000);
        });

        // outside a transaction the locks cannot be read before they are released; the rewrite check still runs
        assertThat(steps.get(3).observed().outcome()).isEqualTo(PlanReport.Traced.RAN_WITHOUT_TRANSACTION);
        assertThat(steps.get(3).locks()).isEqualTo(model.get(3).locks());

        // DROP INDEX locks the table too, which the model names only through the index
        assertThat(steps.get(4).locks()).extracting(l -> l.relation() + " " + l.mode())
                .containsExactly("public.orders ACCESS_EXCLUSIVE");

        // the target was only read: still at version 1, the column is still an int
        assertThat(target.queryLong("select count(*) from information_schema.columns where table_name = 'orders'"
                + " and column_name = 'region'")).isZero();
        assertThat(slipway().status().current()).hasToString("1");
    }

    @Test
    void aStatementThatFailsThereStopsTheTraceAndSaysWhy() throws Exception {
        Files.writeString(migrations.resolve("V2__broken.sql"), """
                alter table orders add column shipped_at timestamptz;
                alter table orders alter column missing type bigint;
                alter table orders add column paid_at timestamptz;
                """);

        PlanReport traced = slipway().plan(null, PlanOptions.defaults(), sandbox);

        List<PlanReport.Step> steps = traced.migrations().get(0).statements();
        assertThat(steps.get(0).observed().outcome()).isEqualTo(PlanReport.Traced.RAN);
        assertThat(steps.get(1).observed().outcome()).isEqualTo(PlanReport.Traced.FAILED);
        assertThat(steps.get(1).observed().detail()).contains("column \"missing\"", "does not exist");
        assertThat(steps.get(2).observed().outcome()).isEqualTo(PlanReport.Traced.SKIPPED);
        assertThat(steps.get(2).observed().detail()).contains("V2__broken.sql:2 failed on the scratch database");
        // a missing column is a matter of schema, which the target shares: it will fail there too
        assertThat(steps.get(1).predictions()).filteredOn(p -> p.outcome() == PlanReport.Outcome.WILL_FAIL)
                .singleElement().satisfies(prediction -> assertThat(prediction.detail())
                        .contains("does not exist", "SQLSTATE 42703"));
        assertThat(traced.verdict()).isEqualTo(PlanReport.Verdict.UNSAFE);
        assertThat(traced.reasons()).contains("1 statement(s) failed on a scratch database with the target's schema");
        assertThat(slipway().plan(null, PlanOptions.defaults()).verdict()).as("untraced, the plan cannot know")
                .isNotEqualTo(PlanReport.Verdict.UNSAFE);
    }

    @Test
    void aFailureThatDependsOnRowsIsShownButPredictsNothing() throws Exception {
        // order 5000 was entered on the target, not by a migration: the scratch database does not have it
        target.execute("insert into orders values (5000, 'new', 5000, null)");
        Files.writeString(migrations.resolve("V2__lines.sql"), """
                create table order_lines (order_id bigint not null references orders (id));
                insert into order_lines values (5000);
                """);

        PlanReport traced = slipway().plan(null, PlanOptions.defaults(), sandbox);

        PlanReport.Step insert = traced.migrations().get(0).statements().get(1);
        assertThat(insert.observed().outcome()).isEqualTo(PlanReport.Traced.FAILED);
        assertThat(insert.observed().sqlState()).isEqualTo("23503");
        assertThat(insert.predictions()).noneMatch(p -> p.outcome() == PlanReport.Outcome.WILL_FAIL);
        assertThat(traced.verdict()).isNotEqualTo(PlanReport.Verdict.UNSAFE);
    }

    @Test
    void aFileRunsAsTheRunnerRunsItInOneTransactionOrBlockByBlock() throws Exception {
        // one transaction: the temporary table lives until the end of the file, and the second ALTER is credited
        // with the lock the first one already took
        Files.writeString(migrations.resolve("V2__one_transaction.sql"), """
                create temporary table new_totals on commit drop as select id, total from orders;
                alter table orders add column shipped boolean;
                alter table orders alter column total type bigint;
                update orders o set total = n.total from new_totals n where n.id = o.id;
                """);
        // its own block, as OpenMeter's repair migrations are written
        Files.writeString(migrations.resolve("V3__own_block.sql"), """
                begin;
                create temporary table stale on commit drop as select id from orders where status = 'old';
                delete from orders where id in (select id from stale);
                commit;
                """);

        PlanReport traced = slipway().plan(null, PlanOptions.defaults(), sandbox);

        List<PlanReport.Step> first = traced.migrations().get(0).statements();
        assertThat(first).extracting(step -> step.observed().outcome()).containsOnly(PlanReport.Traced.RAN);
        assertThat(first.get(2).locks()).extracting(l -> l.relation() + " " + l.mode())
                .containsExactly("orders ACCESS_EXCLUSIVE");
        assertThat(first.get(2).rewrite()).isTrue();
        List<PlanReport.Step> second = traced.migrations().get(1).statements();
        assertThat(second).extracting(step -> step.observed().outcome()).containsExactly(PlanReport.Traced.SKIPPED,
                PlanReport.Traced.RAN, PlanReport.Traced.RAN, PlanReport.Traced.SKIPPED);
        assertThat(second.get(2).locks()).extracting(l -> l.relation() + " " + l.mode())
                .contains("orders ROW_EXCLUSIVE");
    }

    private static Finding finding(PlanReport.Step step, String rule) {
        return step.findings().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
    }
}
