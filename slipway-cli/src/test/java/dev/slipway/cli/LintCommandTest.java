package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slipway lint} as a black box: no database, findings with positions, formats and exit codes. */
class LintCommandTest {
    @TempDir
    Path project;

    private Cli cli;
    private Path migrations;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(project, Map.of());
        migrations = Files.createDirectories(project.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__create_applications.sql"),
                "CREATE TABLE applications (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, status text);\n"
                        + "CREATE INDEX applications_status_idx ON applications (status);\n");
        Files.writeString(migrations.resolve("V2__tier.sql"), """
                -- phase 2 of the tier column
                ALTER TABLE users ADD COLUMN tier text NOT NULL;
                CREATE INDEX users_tier_idx ON users (tier);
                -- slipway:allow drop-column because release 41 no longer reads plan
                ALTER TABLE users DROP COLUMN plan;
                """);
    }

    @Test
    void findsTheProblemsOfAFolderWithoutADatabaseAndExitsThree() throws Exception {
        Cli.Result result = cli.run("lint").exitsWith(3).stdoutContains(
                "db/migration/V2__tier.sql:2:30: error [adding-not-null-column] adding users.tier NOT NULL",
                "db/migration/V2__tier.sql:3:1: warning [create-index-non-concurrently]",
                "fix: CREATE INDEX CONCURRENTLY users_tier_idx ON users (tier);",
                "db/migration/V2__tier.sql:5:19: allowed [drop-column]", "because: release 41 no longer reads plan",
                "2 files: 1 error, 1 warning, 0 advice (1 allowed); failing at error");
        assertThat(result.stdout()).as("the index on a table created in the same file is fine")
                .doesNotContain("V1__create_applications.sql");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void placeholdersAreReplacedBeforeLintingAndOneWithoutAValueIsBadInput() throws Exception {
        Path grants = Files.writeString(project.resolve("V3__grant.sql"),
                "GRANT SELECT ON ${schema}.applications TO ${reader};\n");
        cli.run("lint", grants.toString()).exitsWith(3).stdoutContains("V3__grant.sql:1:17",
                "[unreplaced-placeholder] ${schema}", "[unreplaced-placeholder] ${reader}");

        Files.writeString(project.resolve("slipway.toml"), "[migrations.placeholders]\nschema = \"app\"\n");
        cli.run("lint", grants.toString()).exitsWith(2).stderrContains("V3__grant.sql:1",
                "no value for placeholder ${reader}");
        new Cli(project, Map.of("SLIPWAY_PLACEHOLDERS_READER", "reporting")).run("lint", grants.toString())
                .exitsWith(0).stdoutContains("0 errors");
    }

    @Test
    void failOnDecidesTheExitCode() throws Exception {
        Path advice = Files.writeString(project.resolve("advice.sql"), "CREATE TABLE t (created timestamp);\n");
        cli.run("lint", advice.toString()).exitsWith(0).stdoutContains("advice [prefer-timestamptz]");
        cli.run("lint", "--fail-on", "advice", advice.toString()).exitsWith(3);
        cli.run("lint", "--fail-on", "warning", "-q", advice.toString()).exitsWith(0);
        cli.run("lint", "--fail-on", "fatal", advice.toString()).exitsWith(2).stderrContains("--fail-on",
                "error, warning or advice");
    }

    @Test
    void failOnInSlipwayTomlDecidesTheExitCodeAndTheFlagWins() throws Exception {
        Path advice = Files.writeString(project.resolve("advice.sql"), "CREATE TABLE t (created timestamp);\n");
        Path warning = Files.writeString(project.resolve("warning.sql"), "CREATE INDEX t_idx ON users (tier);\n");
        Files.writeString(project.resolve("slipway.toml"), "[lint]\nfail_on = \"warning\"\n");

        cli.run("lint", "-q", warning.toString()).exitsWith(3).stdoutContains("failing at warning");
        cli.run("lint", "-q", advice.toString()).exitsWith(0);
        cli.run("lint", "-q", "--fail-on", "error", warning.toString()).exitsWith(0);
        cli.run("lint", "-q", "--fail-on", "advice", advice.toString()).exitsWith(3);
        new Cli(project, Map.of("SLIPWAY_FAIL_ON", "advice")).run("lint", "-q", advice.toString()).exitsWith(3);

        Path strict = Files.writeString(project.resolve("strict.toml"), "[lint]\nfail_on = \"advice\"\n");
        cli.run("lint", "-q", "--config", strict.toString(), advice.toString()).exitsWith(3);
        cli.run("lint", "-q", "--config", "missing.toml", advice.toString()).exitsWith(2)
                .stderrContains("configuration file not found: missing.toml");
    }

    @Test
    void anInvalidFailOnInSlipwayTomlIsAConfigurationErrorWithItsLine() throws Exception {
        Path advice = Files.writeString(project.resolve("advice.sql"), "CREATE TABLE t (created timestamp);\n");
        Files.writeString(project.resolve("slipway.toml"), "[migrations]\nlocations = [\"db/migration\"]\n\n"
                + "[lint]\nfail_on = \"warnings\"\n");

        Cli.Result result = cli.run("lint", advice.toString()).exitsWith(2)
                .stderrContains("slipway.toml:5: lint.fail_on: invalid level 'warnings'; expected error, warning or"
                        + " advice");
        assertThat(result.stdout()).isEmpty();
        // the file is checked even when the flag makes its fail_on moot
        cli.run("lint", "--fail-on", "advice", advice.toString()).exitsWith(2);
    }

    @Test
    void withoutFilesItLintsTheLocationsOfSlipwayToml() throws Exception {
        Path elsewhere = Files.createDirectories(project.resolve("sql/changes"));
        Files.writeString(elsewhere.resolve("V1__drop.sql"), "DROP TABLE users;\n");
        Files.writeString(project.resolve("slipway.toml"), "[migrations]\nlocations = [\"filesystem:sql/changes\"]\n");

        Cli.Result result = cli.run("lint").exitsWith(3).stdoutContains("sql/changes/V1__drop.sql:1:1: error"
                + " [drop-table]", "1 file: 1 error");
        assertThat(result.stdout()).doesNotContain("V2__tier.sql");
    }

    @Test
    void jsonIsOneDocumentWithEveryFindingAndASummary() throws Exception {
        Cli.Result result = cli.run("lint", "--format", "json", "db/migration").exitsWith(3);
        JsonNode document = new ObjectMapper().readTree(result.stdout());
        List<String> rules = new ArrayList<>();
        document.get("findings").forEach(f -> rules.add(f.get("rule").asText()));
        assertThat(rules).containsExactly("adding-not-null-column", "create-index-non-concurrently", "drop-column");
        JsonNode allowed = document.get("findings").get(2);
        assertThat(allowed.get("allowed").asBoolean()).isTrue();
        assertThat(allowed.get("because").asText()).isEqualTo("release 41 no longer reads plan");
        assertThat(allowed.get("line").asInt()).isEqualTo(5);
        JsonNode summary = document.get("summary");
        assertThat(summary.get("files").asInt()).isEqualTo(2);
        assertThat(summary.get("errors").asInt()).isEqualTo(1);
        assertThat(summary.get("failed").asBoolean()).isTrue();
    }

    @Test
    void sarifNamesEveryRuleAndMarksAllowedFindingsAsSuppressed() throws Exception {
        Cli.Result result = cli.run("lint", "--format", "sarif", "db/migration").exitsWith(3);
        JsonNode log = new ObjectMapper().readTree(result.stdout());
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = log.get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        List<String> ids = new ArrayList<>();
        rules.forEach(rule -> ids.add(rule.get("id").asText()));
        assertThat(ids).contains("drop-table", "set-not-null", "sql-syntax");
        JsonNode results = run.get("results");
        assertThat(results).hasSize(3);
        JsonNode first = results.get(0);
        assertThat(first.get("level").asText()).isEqualTo("error");
        assertThat(ids.get(first.get("ruleIndex").asInt())).isEqualTo(first.get("ruleId").asText());
        JsonNode location = first.get("locations").get(0).get("physicalLocation");
        assertThat(location.get("artifactLocation").get("uri").asText()).isEqualTo("db/migration/V2__tier.sql");
        assertThat(location.get("region").get("startLine").asInt()).isEqualTo(2);
        assertThat(results.get(2).get("suppressions").get(0).get("justification").asText())
                .isEqualTo("release 41 no longer reads plan");
    }

    @Test
    void thePostgresVersionChangesTheVerdict() throws Exception {
        Path file = Files.writeString(project.resolve("not_null.sql"), """
                BEGIN;
                ALTER TABLE users ADD CONSTRAINT users_tier_nn CHECK (tier IS NOT NULL) NOT VALID;
                COMMIT;
                BEGIN;
                ALTER TABLE users VALIDATE CONSTRAINT users_tier_nn;
                ALTER TABLE users ALTER COLUMN tier SET NOT NULL;
                COMMIT;
                """);
        cli.run("lint", "--fail-on", "warning", "--pg-version", "12", file.toString()).exitsWith(0);
        cli.run("lint", "--fail-on", "warning", "--pg-version", "11.22", file.toString()).exitsWith(3)
                .stdoutContains("[set-not-null]");
        cli.run("lint", "--pg-version", "latest", file.toString()).exitsWith(2).stderrContains("--pg-version");
    }

    @Test
    void aFileThatIsNotUtf8IsBadInputButAReplacementCharacterWrittenOnPurposeIsFine() throws Exception {
        Path latin1 = Files.write(project.resolve("latin1.sql"),
                "-- caf\u00e9\nSELECT 1;\n".getBytes(StandardCharsets.ISO_8859_1));
        cli.run("lint", latin1.toString()).exitsWith(2).stderrContains("latin1.sql is not UTF-8 text");

        Path replacement = Files.writeString(project.resolve("replacement.sql"), "-- \uFFFD\nSELECT 1;\n");
        cli.run("lint", replacement.toString()).exitsWith(0);
    }

    @Test
    void aMissingFileIsBadInput() throws Exception {
        cli.run("lint", "no_such.sql").exitsWith(2).stderrContains("no such file or folder: no_such.sql");
    }

    @Test
    void aDownMigrationMayDropWhatItsUpMigrationCreates() throws Exception {
        Files.writeString(migrations.resolve("U1__create_applications.sql"), "DROP TABLE applications;\n");

        cli.run("lint", migrations.resolve("U1__create_applications.sql").toString(),
                migrations.resolve("V1__create_applications.sql").toString()).exitsWith(0).stdoutContains(
                "allowed [drop-table] DROP TABLE applications",
                "because: the down migration of db/migration/V1__create_applications.sql, which creates it",
                "2 files: 0 errors, 0 warnings, 0 advice (1 allowed)");
    }
}
