package dev.slipway.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the URL leaves out: PG* variables, then libpq defaults. */
class ConnectionSpecEnvironmentTest extends ResolvingTest {
    @Test
    void fillsWhatTheUrlLeavesOutFromPgVariables() {
        ConnectionSpec spec = resolve(null, "PGHOST", "envhost", "PGPORT", "6000", "PGDATABASE", "envdb",
                "PGUSER", "envuser", "PGPASSWORD", "envpw", "PGSSLMODE", "verify-ca", "PGAPPNAME", "envapp",
                "PGCONNECT_TIMEOUT", "3");

        assertThat(spec).isEqualTo(new ConnectionSpec("envhost", 6000, "envdb", "envuser", password("envpw"),
                Map.of("sslmode", "verify-ca", "application_name", "envapp", "connect_timeout", "3")));
    }

    @Test
    void prefersTheUrlOverPgVariables() {
        ConnectionSpec spec = resolve("postgresql://app:urlpw@urlhost:5555/urldb?sslmode=disable",
                "PGHOST", "envhost", "PGPORT", "6000", "PGDATABASE", "envdb", "PGUSER", "envuser",
                "PGPASSWORD", "envpw", "PGSSLMODE", "verify-ca");

        assertThat(spec).isEqualTo(new ConnectionSpec("urlhost", 5555, "urldb", "app", password("urlpw"),
                Map.of("sslmode", "disable")));
    }

    @Test
    void fallsBackToLibpqDefaults() {
        ConnectionSpec spec = resolve(null);

        assertThat(spec).isEqualTo(new ConnectionSpec("localhost", 5432, "osuser", "osuser", Optional.empty(),
                Map.of()));
    }

    @Test
    void namesTheDatabaseAfterTheUserFromTheUrl() {
        assertThat(resolve("postgresql://app@db").database()).isEqualTo("app");
    }

    @Test
    void treatsEmptyValuesAsUnset() {
        ConnectionSpec spec = resolve("postgresql://app:@db/app", "PGPASSWORD", "envpw", "PGHOST", "");

        assertThat(spec.password()).isEqualTo(password("envpw"));
    }

    @Test
    void namesTheVariableThatHoldsABadValue() {
        assertThatThrownBy(() -> resolve("postgresql://db/app", "PGPORT", "x5432"))
                .hasMessage("invalid port 'x5432' (expected 1 to 65535) in PGPORT");
        assertThatThrownBy(() -> resolve(null, "PGSSLMODE", "on")).hasMessageEndingWith("in PGSSLMODE");
    }

    @Test
    void refusesUnixSocketDirectoriesSuggestingTcp() {
        for (String url : List.of("host=/var/run/postgresql dbname=app",
                "postgresql://%2Fvar%2Frun%2Fpostgresql/app", "postgresql:///app?host=/tmp")) {
            assertThatThrownBy(() -> resolve(url)).isInstanceOf(ConnectionSpecException.class)
                    .hasMessageContaining("Unix-domain socket").hasMessageContaining("host=127.0.0.1");
        }
        assertThatThrownBy(() -> resolve(null, "PGHOST", "/var/run/postgresql"))
                .hasMessageContaining("host '/var/run/postgresql' is a Unix-domain socket directory")
                .hasMessageEndingWith("in PGHOST");
    }
}
