package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.testkit.PostgresServers;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slipway test} as a user runs it: the round trip's lines, exit codes 0 and 3, and the JSON document. */
class TestCommandTest {
    @TempDir
    Path project;

    private TestDatabase target;
    private String devUrl;
    private Path migrations;
    private Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        target = PostgresServers.newDatabase(PostgresServers.defaultMajor(), "roundtrip_cli");
        // the test server doubles as the dev server for the scratch databases
        devUrl = target.server().libpqUrl("postgres");
        cli = new Cli(project, Map.of());
        migrations = Files.createDirectories(project.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__create_shop.sql"), """
                create type shop_state as enum ('open', 'closed');
                create table shop (id bigint primary key, state shop_state not null);
                """);
        Files.writeString(migrations.resolve("U1__create_shop.sql"), "drop table shop;\ndrop type shop_state;\n");
        Files.writeString(migrations.resolve("V2__index_state.sql"), "create index shop_state_idx on shop (state);\n");
        Files.writeString(migrations.resolve("U2__index_state.sql"), "drop index shop_state_idx;\n");
        Files.writeString(migrations.resolve("V3__seed.sql"), "insert into shop values (1, 'open');\n");
    }

    @AfterEach
    void dropDatabase() {
        target.server().dropDatabase(target.name());
    }

    @Test
    void aCleanRoundTripExitsZeroAndAForgottenDropExitsThreeNamingIt() throws Exception {
        Cli.Result passed = cli.run("test", "--dev-url", devUrl).exitsWith(0)
                .printsNowhere(target.server().password());
        assertThat(passed.stdout()).contains(
                "  db/migration/V1__create_shop.sql: up, down, up again: the same schemas",
                "  db/migration/V2__index_state.sql: up, down, up again: the same schemas",
                "  db/migration/V3__seed.sql: no down migration; up only",
                "round trip passed on PostgreSQL ", ": 2 passed, 1 without a down migration, 0 failed");

        Files.writeString(migrations.resolve("U2__index_state.sql"), "select 1;\n");
        Cli.Result failed = cli.run("test", "--dev-url", devUrl).exitsWith(3);
        assertThat(failed.stdout()).contains("  db/migration/V2__index_state.sql: FAILED: it does not apply again"
                        + " after db/migration/U2__index_state.sql, which leaves 1 difference(s)",
                "relation \"shop_state_idx\" already exists",
                "      table public.shop: index shop_state_idx added",
                "  db/migration/V3__seed.sql: not run",
                "round trip FAILED on PostgreSQL ", "1 passed, 0 without a down migration, 1 failed, 1 not run");

        JsonNode report = new ObjectMapper().readTree(cli.run("test", "--dev-url", devUrl, "--format", "json")
                .exitsWith(3).stdout());
        assertThat(report.get("passed").asBoolean()).isFalse();
        assertThat(report.get("steps")).hasSize(2);
        assertThat(report.get("notRun").get(0).asText()).isEqualTo("db/migration/V3__seed.sql");
        JsonNode second = report.get("steps").get(1);
        assertThat(second.get("outcome").asText()).isEqualTo("up_again_failed");
        assertThat(second.get("differences").get(0).get("path").asText())
                .isEqualTo("table public.shop: index shop_state_idx");
        assertThat(target.queryLong("select count(*) from pg_tables where schemaname = 'public'"))
                .as("the target database is not touched").isZero();
    }

    @Test
    void migrationsThatContradictEachOtherAreRefusedBeforeAnyScratchDatabase() throws Exception {
        Files.writeString(migrations.resolve("V2__seed_again.sql"), "select 1;\n");
        Cli.Result refused = cli.run("test", "--dev-url", devUrl).exitsWith(2)
                .stderrContains("version 2 is used by 2 migrations", "V2__index_state.sql", "V2__seed_again.sql");
        assertThat(refused.stdout()).doesNotContain("round trip of the migrations in a scratch database");
    }
}
