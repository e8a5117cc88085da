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

/** {@code slipway plan} as a black box on a real server. */
class PlanCommandTest {
    @TempDir
    Path project;

    private TestDatabase db;
    private Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        db = PostgresServers.newDatabase(PostgresServers.defaultMajor(), "plancli");
        db.execute("create table users (id bigint primary key, tier text);"
                + " insert into users select g, case when g = 42 then null else 'free' end"
                + " from generate_series(1, 20000) g; analyze users");
        cli = new Cli(project, Map.of());
        Path migrations = Files.createDirectories(project.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__tier_not_null.sql"), """
                -- slipway:allow set-not-null because users is small and the scan takes milliseconds
                ALTER TABLE users ALTER COLUMN tier SET NOT NULL;
                CREATE INDEX users_tier_idx ON users (tier);
                """);
    }

    @AfterEach
    void dropDatabase() {
        db.server().dropDatabase(db.name());
    }

    @Test
    void showsTheAnnotatedSqlPredictsTheFailureAndChangesNothing() throws Exception {
        String url = db.libpqUrl();
        Cli.Result text = cli.run("plan", "--url", url).exitsWith(3).stdoutContains(
                "-- db/migration/V1__tier_not_null.sql (one transaction)",
                "-- line 2: ACCESS EXCLUSIVE on users (20,000 rows,",
                "-- allowed [set-not-null]", "(because users is small and the scan takes milliseconds)",
                "-- WILL FAIL: SET NOT NULL fails: rows have tier NULL (1); NULLs in users.tier, e.g. id=42",
                "ALTER TABLE users ALTER COLUMN tier SET NOT NULL;",
                "-- line 3: SHARE on users", "-- warning [create-index-non-concurrently]",
                "-- verdict: unsafe: 1 statement(s) will fail on today's rows")
                .printsNowhere(db.server().password());
        assertThat(text.stderr()).isEmpty();

        Cli.Result json = cli.run("plan", "--url", url, "--format", "json").exitsWith(3);
        JsonNode plan = new ObjectMapper().readTree(json.stdout());
        assertThat(plan.get("verdict").asText()).isEqualTo("UNSAFE");
        JsonNode step = plan.get("migrations").get(0).get("statements").get(0);
        assertThat(step.get("locks").get(0).get("mode").asText()).isEqualTo("ACCESS_EXCLUSIVE");
        assertThat(step.get("locks").get(0).get("size").get("rows").asLong()).isEqualTo(20_000);
        assertThat(step.get("predictions").get(0).get("outcome").asText()).isEqualTo("WILL_FAIL");

        cli.run("plan", "--url", url, "--format", "sarif").exitsWith(3).stdoutContains("\"ruleId\" : \"set-not-null\"",
                "\"justification\" : \"users is small and the scan takes milliseconds\"");
        assertThat(db.queryLong("select count(*) from pg_indexes where indexname = 'users_tier_idx'")).isZero();
        assertThat(db.queryLong("select count(*) from information_schema.tables where table_name like '%history%'"
                + " or table_name like 'slipway%'")).as("plan creates no history table").isZero();
    }

    @Test
    void traceShowsWhatEachStatementDidOnAScratchDatabase(@TempDir Path other) throws Exception {
        Path migrations = Files.createDirectories(other.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__accounts.sql"), "CREATE TABLE accounts (id int PRIMARY KEY,"
                + " plan text);\nINSERT INTO accounts SELECT g, 'free' FROM generate_series(1, 100) g;\n");
        Cli here = new Cli(other, Map.of());
        String url = db.libpqUrl();
        here.run("migrate", "--url", url).exitsWith(0);
        Files.writeString(migrations.resolve("V2__widen.sql"), """
                DO $$ BEGIN EXECUTE 'ALTER TABLE accounts ALTER COLUMN id TYPE bigint'; END $$;
                ALTER TABLE accounts ADD COLUMN since date;
                """);

        Cli.Result traced = here.run("plan", "--url", url, "--dev-url", db.server().libpqUrl("postgres"),
                "--trace").exitsWith(0).printsNowhere(db.server().password());

        assertThat(traced.stdout()).contains("tracing the pending migrations in ",
                "-- line 1: ACCESS EXCLUSIVE on public.accounts (100 rows,",
                "-- traced: ACCESS EXCLUSIVE on public.accounts; rewrote public.accounts",
                "-- line 2: ACCESS EXCLUSIVE on accounts (100 rows,",
                "-- traced: ACCESS EXCLUSIVE on public.accounts; no rewrite");
        assertThat(traced.stderr()).isEmpty();
        assertThat(db.queryLong("select count(*) from information_schema.columns where table_name = 'accounts'"
                + " and column_name = 'since'")).as("the target is only read").isZero();
    }

    @Test
    void failOnInSlipwayTomlDecidesTheExitCodeAndTheFlagWins(@TempDir Path other) throws Exception {
        Path migrations = Files.createDirectories(other.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__tier_index.sql"), "CREATE INDEX users_tier_idx ON users (tier);\n");
        Cli here = new Cli(other, Map.of());
        String url = db.libpqUrl();

        here.run("plan", "-q", "--url", url).exitsWith(0);
        Files.writeString(other.resolve("slipway.toml"), "[lint]\nfail_on = \"warning\"\n");
        here.run("plan", "-q", "--url", url).exitsWith(3).stdoutContains("[create-index-non-concurrently]");
        here.run("plan", "-q", "--url", url, "--fail-on", "error").exitsWith(0);

        Files.writeString(other.resolve("slipway.toml"), "[lint]\n\nfail_on = \"none\"\n");
        here.run("plan", "-q", "--url", url).exitsWith(2)
                .stderrContains("slipway.toml:3: lint.fail_on: invalid level 'none'");
    }
}
