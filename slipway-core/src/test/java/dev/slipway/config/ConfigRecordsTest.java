package dev.slipway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigRecordsTest {
    @Test
    void hasTheDocumentedDefaults() {
        SlipwayConfig config = SlipwayConfig.defaults();

        assertThat(config.source()).isNull();
        assertThat(config.migrations()).isEqualTo(new MigrationsConfig(List.of("db/migration"), "public", false));
        assertThat(config.safety()).isEqualTo(new SafetyConfig(Duration.ofSeconds(3), 5, Duration.ZERO,
                Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(30)));
        assertThat(config.environments()).isEmpty();
        assertThat(EnvironmentConfig.named("dev").rollback()).isEqualTo(RollbackPolicy.NONE);
    }

    @Test
    void makesVariantsWithoutChangingTheOriginal() {
        SafetyConfig defaults = SafetyConfig.defaults();
        SafetyConfig changed = defaults.withLockTimeout(Duration.ofSeconds(5)).withLockRetries(0);

        assertThat(changed.lockTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(changed.lockRetries()).isZero();
        assertThat(changed.maxBlocking()).isEqualTo(defaults.maxBlocking());
        assertThat(defaults.lockTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void rejectsValuesThatCannotWork() {
        assertThatThrownBy(() -> MigrationsConfig.defaults().withLocations(List.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("locations is empty");
        assertThatThrownBy(() -> SafetyConfig.defaults().withLockRetries(-1))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lock_retries");
        assertThatThrownBy(() -> SafetyConfig.defaults().withLockWait(Duration.ofSeconds(-1)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lock_wait");
    }

    @Test
    void findsAnEnvironmentByNameOrListsTheKnownOnes() {
        SlipwayConfig config = SlipwayConfig.defaults().withSource(Path.of("slipway.toml"))
                .withEnvironment(EnvironmentConfig.named("production"))
                .withEnvironment(EnvironmentConfig.named("staging"));

        assertThat(config.environment("staging").name()).isEqualTo("staging");
        assertThatThrownBy(() -> config.environment("prod")).isInstanceOf(ConfigException.class)
                .hasMessage("unknown environment 'prod'; slipway.toml defines production, staging");
    }

    @Test
    void saysWhenThereAreNoEnvironmentsAtAll() {
        assertThatThrownBy(() -> SlipwayConfig.defaults().environment("production"))
                .hasMessage("unknown environment 'production': no configuration file was found;"
                        + " add an [environments.production] section");
    }

    @Test
    void keepsPasswordsOutOfToString() {
        EnvironmentConfig production = EnvironmentConfig.named("production")
                .withUrl("postgresql://app:Sup3rSecret@db/app");
        SlipwayConfig config = SlipwayConfig.defaults().withEnvironments(Map.of("production", production));

        assertThat(production.toString()).doesNotContain("Sup3rSecret").contains("postgresql://app:****@db/app");
        assertThat(config.toString()).doesNotContain("Sup3rSecret");
    }

    @Test
    void readsRollbackPoliciesInAnyCase() {
        assertThat(RollbackPolicy.parse("Restore")).isEqualTo(RollbackPolicy.RESTORE);
        assertThatThrownBy(() -> RollbackPolicy.parse("undo"))
                .hasMessage("invalid rollback policy 'undo'; expected one of downgrade, restore, none");
    }
}
