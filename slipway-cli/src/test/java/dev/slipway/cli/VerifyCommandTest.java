package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.testkit.PostgresServers;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slipway verify} as a black box on a real server: the exit codes 0, 3 and 2, the text and the JSON. */
class VerifyCommandTest {
    @TempDir
    Path project;

    private TestDatabase db;
    private Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        db = PostgresServers.newDatabase(PostgresServers.defaultMajor(), "verifycli");
        cli = new Cli(project, Map.of("DATABASE_URL", db.libpqUrl()));
        Path migrations = Files.createDirectories(project.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__shop.sql"), """
                create table customers (id bigint primary key);
                create table orders (id bigint primary key, customer_id bigint);
                insert into customers select generate_series(1, 10);
                insert into orders select g, 1 + g % 10 from generate_series(1, 100) g;
                """);
        Files.writeString(migrations.resolve("V1__shop.check.sql"), """
                -- every customer has an order
                select c.id from customers c where not exists (select 1 from orders o where o.customer_id = c.id);
                """);
        Files.createDirectories(project.resolve("checks"));
        Files.writeString(project.resolve("checks/shop.sql"), "select count(*) = 10 from customers;\n");
        Files.writeString(project.resolve("slipway.toml"), """
                [verify]
                logical_foreign_keys = ["orders.customer_id -> customers.id"]
                row_count_tolerance = "10%"
                """);
    }

    @AfterEach
    void dropDatabase() {
        db.server().dropDatabase(db.name());
    }

    @Test
    void passesAfterTheDeployAndFailsWhenRowsAreLostOrTheRevisionIsBehind() throws Exception {
        cli.run("verify").exitsWith(3).stdoutContains("FAIL  revision: at no version, expected 1 (head)",
                "        pending 1 db/migration/V1__shop.sql",
                "skip  db/migration/V1__shop.check.sql:2 every customer has an order: db/migration/V1__shop.sql is"
                        + " not applied (pending)");
        cli.run("migrate").exitsWith(0);
        cli.run("verify", "--snapshot").exitsWith(0)
                .stdoutContains("row counts saved to .slipway/row-counts-" + db.name() + ".json");

        Cli.Result passed = cli.run("verify").exitsWith(0).stdoutContains(
                "ok    revision: at 1, as expected (head, nothing pending)",
                "ok    checks/shop.sql:1 select count(*) = 10 from customers: true",
                "ok    db/migration/V1__shop.check.sql:2 every customer has an order: no rows",
                "ok    invalid indexes: every index is valid",
                "ok    orphans orders.customer_id -> customers.id: every orders row points to an existing customers"
                        + " row",
                "ok    row counts against the snapshot: 2 table(s) within 10% of the snapshot of",
                "verify passed: 8 passed, 0 failed, 0 skipped");
        assertThat(passed.stderr()).isEmpty();

        db.execute("delete from orders where id > 20; delete from customers where id = 3");
        Cli.Result failed = cli.run("verify", "--format", "json").exitsWith(3).printsNowhere(db.server().password());
        JsonNode report = new ObjectMapper().readTree(failed.stdout());
        assertThat(report.get("verdict").asText()).isEqualTo("FAILED");
        List<String> failedChecks = new ArrayList<>();
        for (JsonNode result : report.get("results")) {
            if (result.get("status").asText().equals("FAILED")) failedChecks.add(result.get("name").asText());
        }
        assertThat(failedChecks).containsExactly("select count(*) = 10 from customers",
                "orphans orders.customer_id -> customers.id", "row counts against the snapshot");
        JsonNode orphans = report.get("results").get(6);
        assertThat(orphans.get("summary").asText()).isEqualTo("2 orders row(s) point to no customers row");
        assertThat(orphans.get("details").get(0).asText()).matches("id=\\d+, customer_id=3");

        cli.run("verify", "--only", "revision,integrity", "--expect", "1", "--format", "json").exitsWith(3);
        cli.run("verify", "--only", "revision", "--expect", "1").exitsWith(0).stdoutContains("1 passed, 0 failed");
    }

    @Test
    void badInputExitsWithTwoAndSaysWhere() throws Exception {
        cli.run("verify", "--only", "revision,drfit").exitsWith(2)
                .stderrContains("unknown check 'drfit'", "at --only");

        Files.writeString(project.resolve("checks/bad.sql"), "select 1 where false;\nupdate orders set id = 1;\n");
        cli.run("verify").exitsWith(2).stderrContains("starts with UPDATE", "at checks/bad.sql:2");
        Files.delete(project.resolve("checks/bad.sql"));

        Files.writeString(project.resolve("slipway.toml"),
                "[verify]\nlogical_foreign_keys = [\"orders.customer_id\"]\n");
        cli.run("verify").exitsWith(2).stderrContains("slipway.toml:2: verify.logical_foreign_keys:");
    }
}
