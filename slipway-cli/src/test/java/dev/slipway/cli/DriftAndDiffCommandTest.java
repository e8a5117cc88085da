package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.Slipway;
import dev.slipway.testkit.PostgresServers;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slipway drift} and {@code slipway diff} as a user runs them: exit codes, output, written files. */
class DriftAndDiffCommandTest {
    @TempDir
    Path project;

    private final List<TestDatabase> databases = new ArrayList<>();
    private TestDatabase target;
    private Path migrations;
    private String devUrl;
    private Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        target = database("drift_cli");
        // the test server doubles as the dev server: much faster than a local cluster per command
        devUrl = target.server().libpqUrl("postgres");
        cli = new Cli(project, Map.of());
        migrations = Files.createDirectories(project.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__orders.sql"), """
                create table orders (id bigint generated always as identity primary key,
                    status text not null default 'new', total numeric(12, 2));
                create index orders_status_idx on orders (status);
                """);
        Files.writeString(migrations.resolve("V2__order_total.sql"), """
                create function order_total(p_id bigint) returns numeric language sql stable
                    as $$ select total from orders where id = p_id $$;
                """);
        // applied in-process: each command-line run starts a JVM, and these tests run enough of them
        migrate(target);
    }

    @AfterEach
    void dropDatabases() {
        databases.forEach(db -> db.server().dropDatabase(db.name()));
    }

    @Test
    void driftExitsZeroWhenCleanAndThreeWithOneLinePerChangeMadeByHand() throws Exception {
        // no --dev-url: the expected schema is built on a local cluster of the target's major version
        cli.run("drift", "--url", target.libpqUrl()).exitsWith(0)
                .stdoutContains("no drift: ", " objects compared", "version 2")
                .printsNowhere(target.server().password());

        target.execute("alter table orders add column note text");
        target.execute("drop index orders_status_idx");
        target.execute("create or replace function order_total(p_id bigint) returns numeric language sql stable"
                + " as $$ select total * 2 from orders where id = p_id $$");
        Cli.Result text = cli.run("drift", "--url", target.libpqUrl(), "--dev-url", devUrl).exitsWith(3);
        assertThat(text.stdout().lines().filter(line -> line.startsWith("  ")).toList()).containsExactly(
                "  table public.orders: column note added",
                "  table public.orders: index orders_status_idx removed",
                "  function public.order_total(p_id bigint): definition changed");
        assertThat(text.stdout()).contains("drift: 3 difference(s) between");

        Cli.Result json = cli.run("drift", "--url", target.libpqUrl(), "--dev-url", devUrl, "--format", "json")
                .exitsWith(3);
        JsonNode report = new ObjectMapper().readTree(json.stdout());
        assertThat(report.get("drift").asBoolean()).isTrue();
        assertThat(report.get("version").asText()).isEqualTo("2");
        assertThat(report.get("differences")).hasSize(3);
        JsonNode added = report.get("differences").get(0);
        assertThat(added.get("change").asText()).isEqualTo("added");
        assertThat(added.get("kind").asText()).isEqualTo("column");
        assertThat(added.get("path").asText()).isEqualTo("table public.orders: column note");
        assertThat(report.get("differences").get(2).get("property").asText()).isEqualTo("definition");
    }

    @Test
    void diffBetweenTwoDatabasesPrintsTheDifferencesAndTheDdl() throws Exception {
        TestDatabase older = database("diff_older");
        older.execute("create table orders (id bigint generated always as identity primary key,"
                + " status text not null default 'new')");
        target.execute("alter table orders add column note text");

        Cli.Result diff = cli.run("diff", "--from", older.libpqUrl(), "--to", target.libpqUrl()).exitsWith(0)
                .printsNowhere(target.server().password());
        assertThat(diff.stdout()).contains("difference(s) from ", "  table public.orders: column note added",
                "  table public.orders: column total added", "  table public.orders: index orders_status_idx added",
                "  function public.order_total(p_id bigint) added", "-- DDL that turns ");
        assertThat(diff.stdout()).containsIgnoringCase("add column note text")
                .containsIgnoringCase("create index orders_status_idx");
        assertThat(older.queryLong("select count(*) from information_schema.columns where table_name = 'orders'"))
                .as("diff only reads").isEqualTo(2);

        cli.run("diff", "--from", target.libpqUrl(), "--to", target.libpqUrl()).exitsWith(0)
                .stdoutContains("no differences: ");
    }

    @Test
    void changesMadeByHandBecomeAMigrationPairThatLeavesNoDrift() throws Exception {
        target.execute("alter table orders add column note text");
        target.execute("create index orders_total_idx on orders (total)");
        cli.run("drift", "--url", target.libpqUrl(), "--dev-url", devUrl).exitsWith(3);

        Cli.Result write = cli.run("diff", "--from", "migrations", "--to", target.libpqUrl(), "--dev-url", devUrl,
                "--write", "--description", "capture hotfix").exitsWith(0);
        Path up = migrations.resolve("V3__capture_hotfix.sql");
        Path down = migrations.resolve("U3__capture_hotfix.sql");
        write.stdoutContains("wrote " + Path.of("db/migration").resolve(up.getFileName()),
                "wrote " + Path.of("db/migration").resolve(down.getFileName()));
        assertThat(Files.readString(up)).containsIgnoringCase("add column note");
        assertThat(Files.readString(down)).containsIgnoringCase("drop column note");

        // the target has the changes already: recording V3 as applied makes the files and the database agree
        cli.run("stamp", "3", "--url", target.libpqUrl()).exitsWith(0);
        cli.run("drift", "--url", target.libpqUrl(), "--dev-url", devUrl).exitsWith(0).stdoutContains("no drift");

        // a new database migrated from the files ends up like the target, and the U file takes V3 back out
        TestDatabase fresh = database("diff_fresh");
        cli.run("migrate", "--url", fresh.libpqUrl()).exitsWith(0);
        cli.run("diff", "--from", fresh.libpqUrl(), "--to", target.libpqUrl()).exitsWith(0)
                .stdoutContains("no differences");
        cli.run("downgrade", "-1", "--url", fresh.libpqUrl()).exitsWith(0);
        cli.run("drift", "--url", fresh.libpqUrl(), "--dev-url", devUrl).exitsWith(0);
        assertThat(fresh.queryLong("select count(*) from information_schema.columns where column_name = 'note'"))
                .isZero();

        // nothing differs: nothing is written
        cli.run("diff", "--from", "migrations", "--to", target.libpqUrl(), "--dev-url", devUrl, "--write")
                .exitsWith(0).stdoutContains("no differences", "nothing written");
        try (Stream<Path> files = Files.list(migrations)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("V4"))).isEmpty();
        }
    }

    @Test
    void aBadFromOrToIsBadUsage() throws Exception {
        cli.run("diff", "--from", "postgresql://localhost:notaport/db", "--to", "migrations").exitsWith(2)
                .stderrContains("--from");
        cli.run("diff", "--from", "migrations", "--to", "migrations", "--url", target.libpqUrl()).exitsWith(2)
                .stderrContains("nothing to compare");
        cli.run("diff", "--from", "postgresql://127.0.0.1:1/nowhere", "--to", "migrations").exitsWith(2)
                .stderrContains("--from");
        cli.run("diff", "--to", "migrations").exitsWith(2).stderrContains("--from");
        cli.run("diff", "--from", target.libpqUrl(), "--to", "migrations", "--write").exitsWith(2)
                .stderrContains("--write saves DDL that starts from the migrations' schema",
                        "slipway diff --from migrations --to <url> --write");
        try (Stream<Path> files = Files.list(migrations)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("nothing written")
                    .noneMatch(name -> name.startsWith("V3") || name.startsWith("V4"));
        }
    }

    private TestDatabase database(String hint) {
        TestDatabase db = PostgresServers.newDatabase(PostgresServers.defaultMajor(), hint);
        databases.add(db);
        return db;
    }

    private void migrate(TestDatabase db) {
        Slipway.configure().url(db.libpqUrl()).locations(migrations.toString()).load().migrate();
    }
}
