package dev.slipway.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** PgJDBC URLs: jdbc:postgresql://host:port/db?user=..&password=.. and the short forms. */
class JdbcUrlTest extends ResolvingTest {
    @Test
    void readsUserPasswordAndParametersFromTheQuery() {
        ConnectionSpec spec = resolve("jdbc:postgresql://db:5433/app?user=app&password=s3cret&sslmode=verify-full"
                + "&ApplicationName=web&connectTimeout=4&prepareThreshold=0");

        assertThat(spec).isEqualTo(new ConnectionSpec("db", 5433, "app", "app", password("s3cret"),
                Map.of("sslmode", "verify-full", "application_name", "web", "connect_timeout", "4",
                        "prepareThreshold", "0")));
        Properties properties = spec.jdbcProperties("slipway");
        assertThat(properties).containsEntry("ApplicationName", "web").containsEntry("connectTimeout", "4")
                .containsEntry("prepareThreshold", "0").containsEntry("sslmode", "verify-full");
    }

    @Test
    void decodesPlusAsSpaceAsPgJdbcDoes() {
        assertThat(resolve("jdbc:postgresql://db/app?user=app&password=a+b%2B").password())
                .isEqualTo(password("a b+"));
    }

    @Test
    void acceptsTheShortFormWithoutHost() {
        ConnectionSpec spec = resolve("jdbc:postgresql:app?user=me");

        assertThat(spec.host()).isEqualTo("localhost");
        assertThat(spec.port()).isEqualTo(5432);
        assertThat(spec.database()).isEqualTo("app");
        assertThat(spec.user()).isEqualTo("me");
    }

    @Test
    void rejectsSeveralHosts() {
        assertThatThrownBy(() -> resolve("jdbc:postgresql://db1,db2/app"))
                .hasMessageContaining("several hosts");
    }
}
