package dev.slipway.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a resolved spec is shown and handed to PgJDBC. */
class ConnectionSpecOutputTest extends ResolvingTest {
    private final ConnectionSpec spec = new ConnectionSpec("db", 5432, "app", "app", password("hunter22"),
            Map.of("sslmode", "require", "sslpassword", "keypass", "prepareThreshold", "0"));

    @Test
    void redactsThePassword() {
        assertThat(spec.redacted())
                .isEqualTo("postgresql://app:****@db:5432/app?prepareThreshold=0&sslmode=require&sslpassword=****");
        assertThat(spec).hasToString(spec.redacted());
    }

    @Test
    void showsNoMaskWhenThereIsNoPassword() {
        ConnectionSpec withoutPassword = new ConnectionSpec("db", 5432, "app", "app", Optional.empty(),
                Map.of("sslmode", "require"));

        assertThat(withoutPassword.redacted()).isEqualTo("postgresql://app@db:5432/app?sslmode=require");
    }

    @Test
    void keepsThePasswordOutOfTheJdbcUrlAndInTheProperties() {
        assertThat(spec.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/app");
        assertThat(spec.jdbcProperties("slipway")).containsEntry("user", "app")
                .containsEntry("password", "hunter22").containsEntry("sslmode", "require")
                .containsEntry("sslpassword", "keypass").containsEntry("ApplicationName", "slipway");
    }

    @Test
    void encodesDatabaseNamesInUrls() {
        ConnectionSpec odd = spec.withDatabase("my db+1");

        assertThat(odd.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/my%20db%2B1");
        assertThat(odd.password()).isEqualTo(spec.password());
    }

    @Test
    void givesALibpqUriWithoutPasswordOrDriverOnlyParameters() {
        assertThat(spec.libpqUri()).isEqualTo("postgresql://app@db:5432/app?sslmode=require");
    }

    @Test
    void prefersTheUrlsApplicationNameOverTheCallersDefault() {
        ConnectionSpec named = resolve("postgresql://db/app?fallback_application_name=fallback");

        assertThat(named.jdbcProperties("slipway")).containsEntry("ApplicationName", "fallback");
        assertThat(resolve("postgresql://db/app?application_name=web&fallback_application_name=fallback")
                .jdbcProperties("slipway")).containsEntry("ApplicationName", "web");
    }
}
