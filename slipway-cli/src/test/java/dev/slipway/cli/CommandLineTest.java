package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.embedded.PostgresServer;
import dev.slipway.testkit.PostgresServers;
import dev.slipway.testkit.TestDatabase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a black box: exit codes, what it prints, and what it never prints. */
class CommandLineTest {
    @TempDir
    Path project;

    private TestDatabase db;
    private Cli cli;
    private Path migrations;

    @BeforeEach
    void setUp() throws Exception {
        db = PostgresServers.newDatabase(PostgresServers.defaultMajor(), "cli");
        cli = new Cli(project, Map.of());
        migrations = Files.createDirectories(project.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__create_applications.sql"),
                "create table applications (id bigint primary key, email text not null);\n");
        Files.writeString(migrations.resolve("U1__create_applications.sql"), "drop table applications;\n");
        Files.writeString(migrations.resolve("V2__add_interview_dates.sql"),
                "alter table applications add column interview_dates date[];\n");
        Files.writeString(migrations.resolve("U2__add_interview_dates.sql"),
                "alter table applications drop column interview_dates;\n");
    }

    @AfterEach
    void dropDatabase() {
        db.server().dropDatabase(db.name());
    }

    @Test
    void migratesReportsAndGoesBackWithoutEverPrintingThePassword() throws Exception {
        String url = db.libpqUrl();
        String password = db.server().password();

        cli.run("migrate", "--url", url).exitsWith(0).stdoutContains("applied 2 migration(s)", "none -> 2")
                .printsNowhere(password);
        cli.run("--url", url, "status").exitsWith(0).stdoutContains("current version: 2").printsNowhere(password);
        cli.run("current", "--url", url).exitsWith(0).stdoutContains("current version: 2");

        Cli.Result json = cli.run("status", "--url", url, "--format", "json").exitsWith(0);
        JsonNode status = new ObjectMapper().readTree(json.stdout());
        assertThat(status.get("current").asText()).isEqualTo("2");
        assertThat(status.get("entries")).hasSize(2);

        cli.run("downgrade", "-1", "--url", url).exitsWith(0).stdoutContains("reverted 1 migration(s)", "2 -> 1");
        assertThat(db.queryLong("select count(*) from information_schema.columns"
                + " where table_name = 'applications' and column_name = 'interview_dates'")).isZero();
        cli.run("upgrade", "head", "--url", url).exitsWith(0).stdoutContains("1 -> 2");
        cli.run("history", "--url", url).exitsWith(0).stdoutContains("apply", "revert", "V2__add_interview_dates.sql")
                .printsNowhere(password);
        cli.run("downgrade", "base", "--url", url).exitsWith(0).stdoutContains("none (base)");
        cli.run("stamp", "head", "--url", url).exitsWith(0).stdoutContains("stamped version 2");
        cli.run("status", "--url", url).exitsWith(0).stdoutContains("current version: 2");
        cli.run("migrate", "--url", url).exitsWith(0).stdoutContains("up to date at version 2");
        assertThat(db.queryLong("select count(*) from pg_tables where tablename = 'applications'")).isZero();
    }

    @Test
    void aFailingStatementNamesTheLineTheDatabaseStateAndTheNextCommand() throws Exception {
        Files.writeString(migrations.resolve("V3__broken.sql"),
                "-- adds a column\nalter table applications\n  add column note text;\n"
                        + "select no_such_column from applications;\n");
        Cli.Result result = cli.run("migrate", "--url", db.libpqUrl()).exitsWith(1)
                .stderrContains("V3__broken.sql", "V3__broken.sql:4", "database: at version 2",
                        "nothing of it is applied", "next: fix", "slipway migrate")
                .printsNowhere(db.server().password());
        assertThat(result.stderr()).contains("no_such_column");

        Cli.Result json = cli.run("migrate", "--url", db.libpqUrl(), "--format", "json").exitsWith(1);
        JsonNode error = new ObjectMapper().readTree(json.stdout()).get("error");
        assertThat(error.get("exitCode").asInt()).isEqualTo(1);
        assertThat(error.get("message").asText()).contains("V3__broken.sql:4");
        assertThat(db.queryLong("select count(*) from information_schema.columns where column_name = 'note'")).isZero();
    }

    @Test
    void validateNamesBothFilesOfADuplicateVersionAndExitsWithThree() throws Exception {
        Files.writeString(migrations.resolve("V2__another_change.sql"), "select 1;\n");
        cli.run("validate").exitsWith(3).stdoutContains("V2__add_interview_dates.sql", "V2__another_change.sql",
                "problem");
        cli.run("migrate", "--url", db.libpqUrl()).exitsWith(2);
        assertThat(db.queryLong("select count(*) from pg_tables where tablename like 'slipway%'")).isZero();
    }

    @Test
    void badUsageExitsWithTwoAndTouchesNothing() throws Exception {
        cli.run("migrat").exitsWith(2);
        cli.run("downgrade", "--url", db.libpqUrl()).exitsWith(2).stderrContains("-N, --to VERSION or --base");
        cli.run("migrate", "--url", db.libpqUrl(), "--lock-timeout", "soon").exitsWith(2)
                .stderrContains("--lock-timeout");
        cli.run("migrate", "--url", "mysql://app:hunter2@db/app").exitsWith(2).printsNowhere("hunter2");
        // the dump's format, as pg_dump spells it, is -F / --dump-format here: --format is the output's
        cli.run("backup", "--url", db.libpqUrl(), "--format", "directory").exitsWith(2)
                .stderrContains("pass --dump-format directory (-F directory)");
        cli.run("status", "--url", db.libpqUrl(), "--format", "yaml").exitsWith(2)
                .stderrContains("expected text, json or sarif but was 'yaml'");
        assertThat(db.queryLong("select count(*) from pg_tables where tablename like 'slipway%'")).isZero();
    }

    @Test
    void anUnreachableServerIsAFailureWithTheUrlRedacted() throws Exception {
        PostgresServer server = db.server();
        String url = "postgresql://postgres:s3cr3t-pass@127.0.0.1:1/" + db.name();
        cli.run("migrate", "--url", url).exitsWith(1).stderrContains("could not connect", "****")
                .printsNowhere("s3cr3t-pass");
        assertThat(server.port()).isNotEqualTo(1);
    }

    @Test
    void readsTheEnvironmentFromSlipwayTomlAndRejectsTypos() throws Exception {
        Files.writeString(project.resolve("slipway.toml"), "[environments.staging]\nurl = \"${STAGING_URL}\"\n"
                + "[environments.production]\nurl = \"${PRODUCTION_URL}\"\n");
        Cli withUrl = new Cli(project, Map.of("STAGING_URL", db.libpqUrl()));
        withUrl.run("migrate", "--env", "staging").exitsWith(0).stdoutContains("applied 2")
                .printsNowhere(db.server().password());
        withUrl.run("status", "--env", "production").exitsWith(2)
                .stderrContains("slipway.toml:4: environments.production.url uses ${PRODUCTION_URL}");
        withUrl.run("status", "--env", "prod").exitsWith(2).stderrContains("staging, production");
        new Cli(project, Map.of("SLIPWAY_LOCK_TIMEOUT", "nonsense")).run("status", "--url", db.libpqUrl())
                .exitsWith(2).stderrContains("error: SLIPWAY_LOCK_TIMEOUT: invalid duration 'nonsense'",
                        "at SLIPWAY_LOCK_TIMEOUT", "next: fix or unset SLIPWAY_LOCK_TIMEOUT");

        Files.writeString(project.resolve("slipway.toml"), "[safety]\nlock_timout = \"2s\"\n");
        cli.run("status", "--url", db.libpqUrl()).exitsWith(2).stderrContains("lock_timeout");
    }

    @Test
    void aProtectedEnvironmentNeedsTheDatabaseNameBeforeAnyChange() throws Exception {
        Files.writeString(project.resolve("slipway.toml"),
                "[environments.production]\nurl = \"${DATABASE_URL}\"\nprotected = true\n");
        Cli production = new Cli(project, Map.of("DATABASE_URL", db.libpqUrl()));
        production.run("migrate", "--env", "production").exitsWith(2)
                .stderrContains("protected", "--confirm " + db.name());
        production.run("migrate", "--env", "production", "--confirm", "postgres").exitsWith(2)
                .stderrContains("does not name the database");
        assertThat(db.queryLong("select count(*) from pg_tables where tablename = 'applications'")).isZero();
        production.run("status", "--env", "production").exitsWith(0);
        production.run("migrate", "--env", "production", "--confirm", db.name()).exitsWith(0)
                .stdoutContains("applied 2");
        production.run("downgrade", "-1", "--env", "production").exitsWith(2);
    }

    @Test
    void repairAcceptsAChangedFileOnAProtectedEnvironmentOnlyWithTheDatabaseName() throws Exception {
        Files.writeString(project.resolve("slipway.toml"),
                "[environments.production]\nurl = \"${DATABASE_URL}\"\nprotected = true\n");
        Cli production = new Cli(project, Map.of("DATABASE_URL", db.libpqUrl()));
        production.run("migrate", "--env", "production", "--confirm", db.name()).exitsWith(0);
        Path first = migrations.resolve("V1__create_applications.sql");
        Files.writeString(first, "-- who applied\n" + Files.readString(first));
        production.run("migrate", "--env", "production", "--confirm", db.name()).exitsWith(2)
                .stderrContains("V1__create_applications.sql", "changed after it was applied", "slipway repair 1");

        production.run("repair", "--env", "production").exitsWith(2).stderrContains("--confirm " + db.name());
        production.run("repair", "2", "--env", "production", "--confirm", db.name()).exitsWith(2)
                .stderrContains("has the checksum of what ran", "database: not touched");
        production.run("repair", "--env", "production", "--confirm", db.name()).exitsWith(0)
                .stdoutContains("accepted 1 file(s) as they are now; nothing ran", "V1__create_applications.sql");

        production.run("migrate", "--env", "production", "--confirm", db.name()).exitsWith(0)
                .stdoutContains("up to date at version 2");
        production.run("history", "--env", "production").exitsWith(0).stdoutContains("repair");
        JsonNode again = new ObjectMapper().readTree(production.run("repair", "--env", "production", "--confirm",
                db.name(), "--format", "json").exitsWith(0).stdout());
        assertThat(again.get("accepted")).isEmpty();
    }

    @Test
    void aFlywayCallbackOfAnEventSlipwayDoesNotRunIsNamedByValidateAndMigrate() throws Exception {
        Files.writeString(migrations.resolve("afterEachMigrate.sql"), "grant select on applications to public;\n");
        Files.writeString(migrations.resolve("README.md"), "notes\n");
        String url = db.libpqUrl();

        cli.run("validate", "--url", url).exitsWith(0).stdoutContains("skipped: db/migration/afterEachMigrate.sql"
                + " (a Flyway callback script of an event Slipway does not run", "1 file(s) skipped as not migrations");
        cli.run("migrate", "--url", url).exitsWith(0).stdoutContains("note: db/migration/afterEachMigrate.sql is a"
                + " Flyway callback script", "afterMigrate.sql", "applied 2 migration(s)");
        assertThat(db.queryLong("select count(*) from information_schema.role_table_grants"
                + " where table_name = 'applications' and grantee = 'PUBLIC'")).as("the callback did not run").isZero();
    }

    @Test
    void newWritesAnUpAndADownNumberedAfterTheNewest() throws Exception {
        cli.run("new", "add interview notes").exitsWith(0).stdoutContains("V3__add_interview_notes.sql",
                "U3__add_interview_notes.sql");
        assertThat(migrations.resolve("V3__add_interview_notes.sql")).exists();
        assertThat(migrations.resolve("U3__add_interview_notes.sql")).exists();
        cli.run("validate").exitsWith(0);
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() throws Exception {
        cli.run("--help").exitsWith(0).stdoutContains("migrate", "downgrade", "status", "history", "validate",
                "stamp", "baseline", "repair", "new", "demo", "Exit codes");
        cli.run("--version").exitsWith(0).stdoutContains("slipway");
        cli.run("migrate", "--help").exitsWith(0).stdoutContains("--target", "--url");
        cli.run("help", "downgrade").exitsWith(0).stdoutContains("--base");
        cli.run("downgrade", "--help").exitsWith(0);
        cli.run("downgrade", "-0", "--url", db.libpqUrl()).exitsWith(2);
        cli.run("demo", "--pg-version", "11").exitsWith(2).stderrContains("12 to 17");
    }

    @Test
    void theDemoRunsTheWholeTourAndRemovesItsServer() throws Exception {
        Cli.Result demo = cli.run("demo").exitsWith(0).stdoutContains(
                "-- traced: ACCESS EXCLUSIVE on public.applications; no rewrite",
                "-- verdict: safe",
                "could not get its lock within the lock timeout",
                "version 3 -> 2",
                "ok    schema drift: no drift",
                "FAIL  schema drift: 1 difference(s)",
                "table public.applications: column notes added",
                "note: line 5: 4 batch(es) of up to 5000 id value(s), 11111 row(s) changed",
                "      | maintenance off: rolled-back",
                "   FAILED and rolled back: database recruiting (production) is at version 3",
                "   applications holds 20000 rows now",
                "   restore  success  3",
                "== Done; the embedded server is stopped and removed.");
        assertThat(demo.stderr()).isEmpty();
        Matcher port = Pattern.compile("on 127\\.0\\.0\\.1:(\\d+)")
                .matcher(demo.stdout());
        assertThat(port.find()).isTrue();
        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress("127.0.0.1",
                    Integer.parseInt(port.group(1))), 1000)).as("the demo's server is stopped")
                    .isInstanceOf(IOException.class);
        }
    }
}
