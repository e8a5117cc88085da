package dev.slipway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.db.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Environment env(String... variables) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            map.put(variables[i], variables[i + 1]);
        }
        return new Environment(map, dir, "osuser");
    }

    private Path file(String... lines) throws IOException {
        return Files.write(dir.resolve("slipway.toml"), List.of(lines));
    }

    @Test
    void usesDefaultsWhenThereIsNoFile() {
        SlipwayConfig config = ConfigLoader.load(dir.resolve("slipway.toml"), env());

        assertThat(config).isEqualTo(SlipwayConfig.defaults());
    }

    @Test
    void readsTheDocumentedExample() throws IOException {
        Path file = file(
                "[migrations]",
                "locations = [\"db/migration\", \"db/data\"]",
                "history_schema = \"slipway\"",
                "out_of_order = true",
                "",
                "[safety]",
                "lock_timeout = \"2s\"      # per statement",
                "lock_retries = 7",
                "statement_timeout = \"5m\"",
                "max_blocking = \"500ms\"",
                "lock_wait = \"2m\"",
                "concurrent_index_timeout = \"1h\"",
                "",
                "[environments.production]",
                "url = \"${DATABASE_URL}\"",
                "protected = true",
                "rollback = \"restore\"",
                "hooks.before = [\"./scripts/maintenance on\"]",
                "hooks.after  = [\"./scripts/maintenance off\"]",
                "",
                "[environments.staging]",
                "url = \"postgresql://app@staging-db/app\"");

        SlipwayConfig config = ConfigLoader.load(file, env("DATABASE_URL", "postgresql://app:pw@prod-db/app"));

        assertThat(config.source()).isEqualTo(file);
        assertThat(config.migrations()).isEqualTo(new MigrationsConfig(List.of("db/migration", "db/data"), "slipway",
                true));
        assertThat(config.safety()).isEqualTo(new SafetyConfig(Duration.ofSeconds(2), 7, Duration.ofMinutes(5),
                Duration.ofMillis(500), Duration.ofMinutes(2), Duration.ofHours(1)));
        assertThat(config.environments().keySet()).containsExactly("production", "staging");
        assertThat(config.environment("production")).isEqualTo(new EnvironmentConfig("production",
                "postgresql://app:pw@prod-db/app", true, RollbackPolicy.RESTORE,
                List.of("./scripts/maintenance on"), List.of("./scripts/maintenance off")));
        assertThat(config.environment("staging")).isEqualTo(EnvironmentConfig.named("staging")
                .withUrl("postgresql://app@staging-db/app"));
    }

    @Test
    void keepsDefaultsForWhatTheFileLeavesOut() throws IOException {
        SlipwayConfig config = ConfigLoader.load(file("[safety]", "lock_retries = 2"), env());

        assertThat(config.safety()).isEqualTo(SafetyConfig.defaults().withLockRetries(2));
        assertThat(config.migrations()).isEqualTo(MigrationsConfig.defaults());
    }

    @Test
    void acceptsInlineHookTablesAndSingleStrings() throws IOException {
        Path file = file("[environments.ci]", "hooks = { before = \"make seed\", after = [\"a\", \"b\"] }");

        EnvironmentConfig ci = ConfigLoader.load(file, env()).environment("ci");

        assertThat(ci.hooksBefore()).containsExactly("make seed");
        assertThat(ci.hooksAfter()).containsExactly("a", "b");
        assertThat(ci.hooksTimeout()).isEqualTo(EnvironmentConfig.DEFAULT_HOOKS_TIMEOUT);
    }

    @Test
    void readsTheHooksTimeoutAndRefusesOneOfZero() throws IOException {
        EnvironmentConfig ci = ConfigLoader.load(file("[environments.ci]", "hooks.timeout = \"90s\""), env())
                .environment("ci");
        assertThat(ci.hooksTimeout()).isEqualTo(Duration.ofSeconds(90));

        Path zero = file("[environments.ci]", "hooks.before = [\"true\"]", "hooks.timeout = \"0\"");
        assertThatThrownBy(() -> ConfigLoader.load(zero, env())).isInstanceOf(ConfigException.class)
                .hasMessageContaining(zero + ":3").hasMessageContaining("environments.ci.hooks.timeout must be more"
                        + " than 0");
    }

    @Test
    void rejectsAMistypedKeySuggestingTheRightOne() throws IOException {
        Path file = file("[safety]", "lock_retries = 3", "lock_timout = \"5s\"");

        assertThatThrownBy(() -> ConfigLoader.load(file, env())).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":3: unknown key safety.lock_timout; did you mean safety.lock_timeout?");
    }

    @Test
    void rejectsAMistypedSectionSuggestingTheRightOne() throws IOException {
        Path file = file("# settings", "[migration]", "locations = [\"sql\"]");

        assertThatThrownBy(() -> ConfigLoader.load(file, env()))
                .hasMessage(file + ":2: unknown section [migration]; did you mean [migrations]?");
    }

    @Test
    void listsTheKnownKeysWhenNoneIsClose() throws IOException {
        Path file = file("[environments.production]", "url = \"postgresql://db/app\"", "colour = \"red\"");

        assertThatThrownBy(() -> ConfigLoader.load(file, env()))
                .hasMessage(file + ":3: unknown key environments.production.colour;"
                        + " known keys in [environments.production]: url, protected, rollback, hooks");
    }

    @Test
    void checksKeysInsideHooks() throws IOException {
        Path file = file("[environments.production]", "hooks.befor = [\"x\"]");

        assertThatThrownBy(() -> ConfigLoader.load(file, env()))
                .hasMessage(file + ":2: unknown key environments.production.hooks.befor;"
                        + " did you mean environments.production.hooks.before?");
    }

    @Test
    void explainsASettingPutDirectlyUnderEnvironments() throws IOException {
        Path file = file("[environments]", "url = \"postgresql://db/app\"");

        assertThatThrownBy(() -> ConfigLoader.load(file, env()))
                .hasMessage(file + ":2: [environments] holds one table per environment, not environments.url;"
                        + " write [environments.NAME] and put url under it");
    }

    @Test
    void namesFileLineKeyAndVariableWhenAVariableIsUnset() throws IOException {
        Path file = file("[environments.production]", "protected = true", "url = \"${DATABASE_URL}\"");

        assertThatThrownBy(() -> ConfigLoader.load(file, env()).environment("production").requireUsable())
                .hasMessageStartingWith(file + ":3: environments.production.url uses ${DATABASE_URL},"
                        + " but DATABASE_URL is not set");
    }

    @Test
    void aVariableUnsetInOneEnvironmentStopsOnlyThatEnvironment() throws IOException {
        Path file = file("[environments.production]", "url = \"${PROD_URL}\"",
                "[environments.production.hooks]", "after = [\"notify ${SLACK_TOKEN}\"]",
                "[environments.staging]", "url = \"${STAGING_URL}\"");

        SlipwayConfig config = ConfigLoader.load(file, env("STAGING_URL", "postgresql://stage/app"));

        assertThat(config.environment("staging").requireUsable().url()).isEqualTo("postgresql://stage/app");
        assertThatThrownBy(() -> config.environment("production").requireUsable())
                .hasMessageStartingWith(file + ":2: environments.production.url uses ${PROD_URL}");
    }

    @Test
    void anUnsetVariableOutsideTheEnvironmentsStillStopsTheLoad() throws IOException {
        Path file = file("[migrations]", "locations = [\"${APP_ROOT}/db\"]");

        assertThatThrownBy(() -> ConfigLoader.load(file, env()))
                .hasMessageStartingWith(file + ":2: migrations.locations uses ${APP_ROOT}");
    }

    @Test
    void expandsVariablesInsideStringsWithFallbacksAndEscapes() throws IOException {
        Path file = file("[migrations]", "locations = [\"${ROOT}/db\", \"$${ROOT}/literal\", \"${MISSING:-dflt}/x\"]",
                "history_schema = \"cost$5\"");

        MigrationsConfig migrations = ConfigLoader.load(file, env("ROOT", "/srv/app")).migrations();

        assertThat(migrations.locations()).containsExactly("/srv/app/db", "${ROOT}/literal", "dflt/x");
        assertThat(migrations.historySchema()).isEqualTo("cost$5");
    }

    @Test
    void reportsTomlSyntaxErrorsWithFileAndLine() throws IOException {
        Path file = file("[safety]", "lock_timeout = \"3s\"", "lock_retries = = 5");

        assertThatThrownBy(() -> ConfigLoader.load(file, env()))
                .hasMessageStartingWith(file + ":3:").hasMessageContaining("TOML syntax error");
    }

    @Test
    void reportsWrongTypesWithoutShowingTheValue() throws IOException {
        Path retries = file("[safety]", "lock_retries = \"five\"");
        assertThatThrownBy(() -> ConfigLoader.load(retries, env()))
                .hasMessage(retries + ":2: safety.lock_retries must be a whole number, not a string");

        Path url = file("[environments.production]", "url = [\"postgresql://app:Sup3rSecret@db/app\"]");
        assertThatThrownBy(() -> ConfigLoader.load(url, env()))
                .hasMessage(url + ":2: environments.production.url must be a string, not an array");
    }

    @Test
    void reportsBadDurationsAndPoliciesWithTheirKey() throws IOException {
        Path duration = file("[safety]", "", "max_blocking = \"1 second\"");
        assertThatThrownBy(() -> ConfigLoader.load(duration, env()))
                .hasMessageStartingWith(duration + ":3: safety.max_blocking: invalid duration '1 second'");

        Path rollback = file("[environments.production]", "rollback = \"undo\"");
        assertThatThrownBy(() -> ConfigLoader.load(rollback, env()))
                .hasMessage(rollback + ":2: environments.production.rollback: invalid rollback policy 'undo';"
                        + " expected one of downgrade, restore, none");
    }

    @Test
    void reportsValuesOutOfRangeWithTheirSection() throws IOException {
        Path locations = file("[migrations]", "locations = []");

        assertThatThrownBy(() -> ConfigLoader.load(locations, env()))
                .hasMessage(locations + ":1: migrations.locations is empty; give at least one");
    }

    @Test
    void neverShowsAPasswordFromAUrl() throws IOException {
        Path unclosed = file("[environments.production]", "url = \"postgresql://app:Sup3rSecret@db/${DB\"");
        assertThatThrownBy(() -> ConfigLoader.load(unclosed, env()))
                .hasMessageContaining("environments.production.url has an unclosed ${")
                .hasMessageNotContaining("Sup3rSecret");

        Path syntax = file("[environments.production]", "url = \"postgresql://app:Sup3rSecret@db/app");
        assertThatThrownBy(() -> ConfigLoader.load(syntax, env()))
                .hasMessageStartingWith(syntax + ":2:").hasMessageNotContaining("Sup3rSecret");

        Path empty = file("[environments.production]", "url = \"${DATABASE_URL}\"");
        assertThatThrownBy(() -> ConfigLoader.load(empty, env("DATABASE_URL", "")))
                .hasMessage(empty + ":2: environments.production.url is empty;"
                        + " remove it to connect with the PG* variables");
    }

    @Test
    void placeholdersComeFromTheFileWithVariablesExpandedAndFromSlipwayPlaceholdersVariables() throws IOException {
        Path file = file("[migrations.placeholders]", "schema = \"app\"", "reader = \"${READER_ROLE}\"",
                "\"flyway:defaultSchema\" = \"app\"");

        SlipwayConfig config = ConfigLoader.load(file, env("READER_ROLE", "reporting",
                "SLIPWAY_PLACEHOLDERS_SCHEMA", "app_test", "SLIPWAY_PLACEHOLDERS_OWNER", "app_owner"));

        assertThat(config.migrations().placeholders()).containsExactly(Map.entry("flyway:defaultSchema", "app"),
                Map.entry("owner", "app_owner"), Map.entry("reader", "reporting"), Map.entry("schema", "app_test"));

        Path spaced = file("[migrations.placeholders]", "\"read er\" = \"x\"");
        assertThatThrownBy(() -> ConfigLoader.load(spaced, env())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'read er' cannot be a placeholder's name");
        Path number = file("[migrations.placeholders]", "schema = 3");
        assertThatThrownBy(() -> ConfigLoader.load(number, env())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("migrations.placeholders.schema must be a string");
    }

    @Test
    void appliesSlipwayVariablesOverTheFile() throws IOException {
        Path file = file("[migrations]", "locations = [\"db/migration\"]", "[safety]", "lock_timeout = \"2s\"");

        SlipwayConfig config = ConfigLoader.load(file, env(
                "SLIPWAY_LOCATIONS", "db/a, db/b,", "SLIPWAY_HISTORY_SCHEMA", "audit",
                "SLIPWAY_LOCK_TIMEOUT", "10s", "SLIPWAY_LOCK_RETRIES", "0", "SLIPWAY_STATEMENT_TIMEOUT", "1m",
                "SLIPWAY_LOCK_WAIT", "5s", "SLIPWAY_MAX_BLOCKING", "250ms"));

        assertThat(config.migrations().locations()).containsExactly("db/a", "db/b");
        assertThat(config.migrations().historySchema()).isEqualTo("audit");
        assertThat(config.safety()).isEqualTo(new SafetyConfig(Duration.ofSeconds(10), 0, Duration.ofMinutes(1),
                Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofMinutes(30)));
    }

    @Test
    void appliesSlipwayVariablesWithoutAFile() {
        SlipwayConfig config = ConfigLoader.load(null, env("SLIPWAY_LOCK_RETRIES", "9"));

        assertThat(config.safety().lockRetries()).isEqualTo(9);
    }

    @Test
    void namesTheSlipwayVariableThatHoldsABadValue() {
        assertThatThrownBy(() -> ConfigLoader.load(null, env("SLIPWAY_LOCK_TIMEOUT", "soon")))
                .hasMessageStartingWith("SLIPWAY_LOCK_TIMEOUT: invalid duration 'soon'");
        assertThatThrownBy(() -> ConfigLoader.load(null, env("SLIPWAY_LOCK_RETRIES", "many")))
                .hasMessageStartingWith("SLIPWAY_LOCK_RETRIES: invalid value 'many'");
    }

    @Test
    void readsTheLevelThatFailsLintAndPlan() throws IOException {
        assertThat(ConfigLoader.load(null, env()).lint().failOn()).isEqualTo(FailOn.ERROR);

        Path file = file("[migrations]", "locations = [\"db/migration\"]", "", "[lint]", "fail_on = \"Warning\"");
        assertThat(ConfigLoader.load(file, env()).lint()).isEqualTo(new LintConfig(FailOn.WARNING));

        assertThat(ConfigLoader.load(file, env("SLIPWAY_FAIL_ON", "advice")).lint().failOn())
                .as("the variable wins over the file").isEqualTo(FailOn.ADVICE);
    }

    @Test
    void rejectsAnUnknownFailOnLevelWithFileAndLine() throws IOException {
        Path level = file("[lint]", "# stricter in CI", "fail_on = \"fatal\"");
        assertThatThrownBy(() -> ConfigLoader.load(level, env()))
                .hasMessage(level + ":3: lint.fail_on: invalid level 'fatal'; expected error, warning or advice");

        Path type = file("[lint]", "fail_on = 2");
        assertThatThrownBy(() -> ConfigLoader.load(type, env()))
                .hasMessage(type + ":2: lint.fail_on must be a string, not a number");

        Path misplaced = file("fail_on = \"warning\"");
        assertThatThrownBy(() -> ConfigLoader.load(misplaced, env()))
                .hasMessageStartingWith(misplaced + ":1: unknown key fail_on");

        assertThatThrownBy(() -> ConfigLoader.load(null, env("SLIPWAY_FAIL_ON", "all")))
                .hasMessage("SLIPWAY_FAIL_ON: invalid level 'all'; expected error, warning or advice");
    }
}
