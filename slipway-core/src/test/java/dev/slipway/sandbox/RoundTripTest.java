package dev.slipway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Slipway;
import dev.slipway.sandbox.RoundTripStep.Outcome;
import dev.slipway.schema.SchemaDifference;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway test}'s round trip on a real server: each migration up, down and up again in a scratch database. The
 * mistakes it must catch are the ones a rollback in production would meet: a down migration that forgets an index or
 * a type, one that fails, an up migration that cannot run twice.
 */
@ExtendWith(PostgresExtension.class)
class RoundTripTest {
    @TempDir
    Path folder;

    @Test
    void downMigrationsThatUndoTheirUpsPass(TestDatabase db) throws Exception {
        write("V1__create_shop.sql", "create type shop_state as enum ('open', 'closed');\n"
                + "create table shop (id bigint primary key, state shop_state not null);\n");
        write("U1__create_shop.sql", "drop table shop;\ndrop type shop_state;\n");
        write("V2__add_email.sql", "alter table shop add column email text;\n"
                + "create index shop_email on shop (email);\n");
        write("U2__add_email.sql", "alter table shop drop column email;\n");
        write("V3__seed.sql", "insert into shop values (1, 'open', 'a@example.com');\n");
        write("R__shop_view.sql", "create or replace view open_shops as select id from shop where state = 'open';\n");

        RoundTripReport report = roundTrip(db);

        assertThat(report.steps()).extracting(RoundTripStep::outcome)
                .containsExactly(Outcome.PASSED, Outcome.PASSED, Outcome.NO_DOWN);
        assertThat(report.passed()).isTrue();
        assertThat(report.steps().get(1).down()).endsWith("U2__add_email.sql");
        assertThat(report.repeatables()).singleElement().asString().endsWith("R__shop_view.sql");
        assertThat(dropped(db, report)).as("the scratch database is dropped").isTrue();
        assertThat(db.queryLong("select count(*) from pg_tables where schemaname = 'public'"))
                .as("the target database is not touched").isZero();
    }

    @Test
    void aDownMigrationThatForgetsATypeFailsNamingItAndTheUpThatCannotRunAgain(TestDatabase db) throws Exception {
        write("V1__create_shop.sql", "create type shop_state as enum ('open', 'closed');\n"
                + "create table shop (id bigint primary key, state shop_state not null);\n");
        write("U1__create_shop.sql", "drop table shop;\n");
        write("V2__add_email.sql", "alter table shop add column email text;\n");
        write("U2__add_email.sql", "alter table shop drop column email;\n");

        RoundTripReport report = roundTrip(db);

        assertThat(report.passed()).isFalse();
        RoundTripStep first = report.steps().get(0);
        assertThat(first.outcome()).isEqualTo(Outcome.UP_AGAIN_FAILED);
        assertThat(first.differences()).extracting(SchemaDifference::describe)
                .anySatisfy(text -> assertThat(text).contains("shop_state"));
        assertThat(first.failure()).contains("V1__create_shop.sql", "already exists");
        assertThat(report.notRun()).singleElement().asString().endsWith("V2__add_email.sql");
    }

    @Test
    void aDownMigrationThatForgetsToRevokeAGrantIsCaught(TestDatabase db) throws Exception {
        db.execute("do $$ begin create role slipway_auditor nologin; exception when duplicate_object"
                + " or unique_violation then null; end $$");
        write("V1__create_shop.sql", "create table shop (id bigint primary key, email text);\n");
        write("U1__create_shop.sql", "drop table shop;\n");
        write("V2__auditor_reads_shop.sql", "grant select on shop to slipway_auditor;\n");
        write("U2__auditor_reads_shop.sql", "select 1;\n");

        RoundTripReport report = roundTrip(db);

        assertThat(report.steps()).extracting(RoundTripStep::outcome)
                .containsExactly(Outcome.PASSED, Outcome.DOWN_DIFFERS);
        assertThat(report.steps().get(1).differences()).extracting(SchemaDifference::describe)
                .as("before the up -> after the down")
                .containsExactly("table public.shop: privileges none -> SELECT to slipway_auditor");
    }

    @Test
    void aDownMigrationThatLeavesAnIndexFailsAndTheTripGoesOn(TestDatabase db) throws Exception {
        write("V1__create_shop.sql", "create table shop (id bigint primary key, email text);\n");
        write("U1__create_shop.sql", "drop table shop;\n");
        write("V2__index_email.sql", "create index if not exists shop_email on shop (email);\n");
        write("U2__index_email.sql", "select 1;\n");
        write("V3__add_name.sql", "alter table shop add column name text;\n");
        write("U3__add_name.sql", "alter table shop drop column name;\n");

        RoundTripReport report = roundTrip(db);

        assertThat(report.steps()).extracting(RoundTripStep::outcome)
                .containsExactly(Outcome.PASSED, Outcome.DOWN_DIFFERS, Outcome.PASSED);
        assertThat(report.steps().get(1).differences()).extracting(SchemaDifference::describe)
                .singleElement().asString().contains("shop_email");
        assertThat(report.failures()).extracting(RoundTripStep::version).extracting(Object::toString)
                .containsExactly("2");
    }

    @Test
    void aFailingDownOrUpStopsTheTripThere(TestDatabase db) throws Exception {
        write("V1__create_shop.sql", "create table shop (id bigint primary key);\n");
        write("U1__create_shop.sql", "drop table shop;\n");
        write("V2__add_email.sql", "alter table shop add column email text;\n");
        write("U2__add_email.sql", "alter table shop drop column mail;\n");
        write("V3__add_name.sql", "alter table shop add column name text;\n");

        RoundTripReport report = roundTrip(db);

        assertThat(report.steps()).extracting(RoundTripStep::outcome)
                .containsExactly(Outcome.PASSED, Outcome.DOWN_FAILED);
        assertThat(report.steps().get(1).failure()).contains("U2__add_email.sql", "\"mail\"");
        assertThat(report.notRun()).singleElement().asString().endsWith("V3__add_name.sql");

        write("U2__add_email.sql", "alter table shop drop column email;\n");
        write("V3__add_name.sql", "alter table shop add column name txt;\n");
        RoundTripReport upFails = roundTrip(db);
        assertThat(upFails.steps()).extracting(RoundTripStep::outcome)
                .containsExactly(Outcome.PASSED, Outcome.PASSED, Outcome.UP_FAILED);
        assertThat(upFails.steps().get(2).failure()).contains("V3__add_name.sql", "type \"txt\" does not exist");
        assertThat(dropped(db, upFails)).isTrue();
    }

    private RoundTripReport roundTrip(TestDatabase db) {
        Slipway slipway = Slipway.configure().locations(folder.toString()).load();
        try (Sandbox sandbox = TestSandboxes.onServerOf(db)) {
            return slipway.roundTrip(sandbox);
        }
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(folder.resolve(name), sql);
    }

    /** Whether the database the report names (its description holds the name) is gone. */
    private static boolean dropped(TestDatabase db, RoundTripReport report) throws SQLException {
        assertThat(report.scratch()).contains(Sandbox.NAME_PREFIX);
        return db.queryLong("select count(*) from pg_database where strpos('" + report.scratch()
                + "', datname) > 0 and datname like '" + Sandbox.NAME_PREFIX + "%'") == 0;
    }
}
