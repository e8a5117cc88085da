package dev.slipway.db;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Input that is no PostgreSQL connection string at all. */
class ForeignUrlTest extends ResolvingTest {
    @Test
    void rejectsAnotherDatabasesUrlWithThePasswordMasked() {
        assertThatThrownBy(() -> resolve("mysql://app:hunter22@db/app"))
                .isInstanceOf(ConnectionSpecException.class)
                .hasMessage("not a PostgreSQL URL: 'mysql://app:****@db/app';"
                        + " expected postgresql://user@host:5432/db or jdbc:postgresql://host:5432/db");
    }

    @Test
    void rejectsAnotherJdbcDriver() {
        assertThatThrownBy(() -> resolve("jdbc:mysql://db/app?user=a&password=hunter22"))
                .hasMessageStartingWith("not a PostgreSQL URL: 'jdbc:mysql://db/app?user=a&password=****'");
    }

    @Test
    void rejectsAPlainWord() {
        assertThatThrownBy(() -> resolve("localhost")).hasMessageStartingWith("not a PostgreSQL URL: 'localhost'");
    }
}
