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

/**
 * {@code slipway deploy --env production} as a user runs it: refused without the database name, every step printed
 * with the hooks' output, a failed migration rolled back by restoring the backup with exit 4, and the JSON report.
 */
class DeployCommandTest {
    @TempDir
    Path project;

    private TestDatabase target;
    private Path migrations;
    private Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        target = PostgresServers.newDatabase(PostgresServers.defaultMajor(), "deploy_cli");
        cli = new Cli(project, Map.of());
        migrations = Files.createDirectories(project.resolve("db/migration"));
        Files.writeString(project.resolve("slipway.toml"), """
                [migrations]
                locations = ["db/migration"]

                [environments.production]
                url = "%s"
                protected = true
                rollback = "restore"
                hooks.before = ["echo maintenance on"]
                hooks.after = ["echo maintenance off: $SLIPWAY_OUTCOME"]
                """.formatted(target.libpqUrl()));
        Files.writeString(migrations.resolve("V1__customers.sql"), "create table customers (id bigint primary key,"
                + " name text not null);\ninsert into customers select i, 'c' || i from generate_series(1, 100) i;\n");
    }

    @AfterEach
    void dropDatabase() {
        target.server().dropDatabase(target.name());
    }

    @Test
    void aProtectedDeployNeedsTheNameThenRunsEveryStep() throws Exception {
        cli.run("deploy", "--env", "production").exitsWith(2)
                .stderrContains("environment production is protected", "--confirm " + target.name());
        assertThat(project.resolve("backups")).doesNotExist();
        assertThat(target.queryLong("select count(*) from pg_tables where tablename = 'customers'")).isZero();

        Cli.Result deployed = cli.run("deploy", "--env", "production", "--confirm", target.name()).exitsWith(0)
                .printsNowhere(target.server().password());
        assertThat(deployed.stdout()).contains("== preflight: ", "== plan: ", "== backup: ", "== snapshot: ",
                "== hooks.before: ", "   | maintenance on", "== migrate: ", "applying db/migration/V1__customers.sql",
                "== verify: ", "   | maintenance off: deployed",
                "deployed database " + target.name() + " (production): version none -> 1, backup " + target.name()
                        + "-none-");
        assertThat(deployed.stderr()).isEmpty();
        assertThat(target.queryLong("select count(*) from customers")).isEqualTo(100);

        cli.run("deploy", "--env", "production", "--confirm", target.name()).exitsWith(0)
                .stdoutContains("up to date: database " + target.name() + " (production) is at version 1");
    }

    @Test
    void aCheckThatFailsAfterMigratingIsShownWithItsRowsAndTheDeployRolledBack() throws Exception {
        cli.run("deploy", "--env", "production", "--confirm", target.name()).exitsWith(0);
        Files.createDirectories(project.resolve("checks"));
        Files.writeString(project.resolve("checks/customers.sql"),
                "-- every customer has a name\nselect id from customers where name = '';\n");
        Files.writeString(migrations.resolve("V2__blank.sql"), "update customers set name = '' where id in (3, 4);\n");

        Cli.Result rolledBack = cli.run("deploy", "--env", "production", "--confirm", target.name()).exitsWith(4);

        assertThat(rolledBack.stdout()).contains("FAIL  checks/customers.sql:2 every customer has a name: ",
                "        id=3", "        id=4",
                "FAILED and rolled back: database " + target.name() + " (production) is at version 1");
        assertThat(target.queryLong("select count(*) from customers where name = ''")).isZero();
    }

    @Test
    void aFailedMigrationIsRolledBackWithExitFourAndTheJsonReportSaysSo() throws Exception {
        cli.run("deploy", "--env", "production", "--confirm", target.name()).exitsWith(0);
        Files.writeString(migrations.resolve("V2__email.sql"), "alter table customers add column email text;\n");
        Files.writeString(migrations.resolve("V3__broken.sql"), "select 1 / 0;\n");

        Cli.Result rolledBack = cli.run("deploy", "--env", "production", "--confirm", target.name(),
                "--format", "json").exitsWith(4).printsNowhere(target.server().password());

        JsonNode report = new ObjectMapper().readTree(rolledBack.stdout());
        assertThat(report.get("outcome").asText()).isEqualTo("ROLLED_BACK");
        assertThat(report.get("to").asText()).isEqualTo("1");
        assertThat(report.get("steps").findValuesAsText("name")).containsExactly("preflight", "plan", "confirm",
                "hooks.before", "backup", "snapshot", "migrate", "rollback", "hooks.after");
        String backup = report.get("backupId").asText();
        assertThat(backup).startsWith(target.name() + "-1-");
        assertThat(rolledBack.stderr()).contains("error: migrate failed: ", "division by zero",
                "at db/migration/V3__broken.sql:1", "database: restored from backup " + backup + ", at version 1");
        assertThat(target.queryLong("select count(*) from information_schema.columns where table_name = 'customers'"
                + " and column_name = 'email'")).isZero();
    }
}
