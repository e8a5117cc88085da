package dev.slipway.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** libpq URIs: postgresql:// and postgres://, percent-encoding, IPv6, query parameters. */
class LibpqUriTest extends ResolvingTest {
    @Test
    void readsEveryPart() {
        ConnectionSpec spec = resolve("postgresql://app:s3cret@db.example.com:6543/appdb"
                + "?sslmode=require&application_name=web&connect_timeout=7");

        assertThat(spec).isEqualTo(new ConnectionSpec("db.example.com", 6543, "appdb", "app", password("s3cret"),
                Map.of("sslmode", "require", "application_name", "web", "connect_timeout", "7")));
    }

    @Test
    void acceptsThePostgresScheme() {
        ConnectionSpec spec = resolve("postgres://app:pw@db/app");

        assertThat(spec.host()).isEqualTo("db");
        assertThat(spec.port()).isEqualTo(5432);
        assertThat(spec.password()).isEqualTo(password("pw"));
    }

    @Test
    void percentDecodesUserPasswordHostDatabaseAndParameters() {
        ConnectionSpec spec = resolve("postgresql://us%40er:p%40ss%2Fw%3Ard%20x@db/my%20db"
                + "?options=-c%20search_path%3Dapp&application_name=a+b");

        assertThat(spec.user()).isEqualTo("us@er");
        assertThat(spec.password()).isEqualTo(password("p@ss/w:rd x"));
        assertThat(spec.database()).isEqualTo("my db");
        assertThat(spec.parameters()).containsEntry("options", "-c search_path=app")
                .containsEntry("application_name", "a+b");   // libpq keeps '+', unlike form encoding
    }

    @Test
    void takesAnUnencodedAtSignAsPartOfThePassword() {
        ConnectionSpec spec = resolve("postgresql://app:p@ss@db:5433/app");

        assertThat(spec.password()).isEqualTo(password("p@ss"));
        assertThat(spec.host()).isEqualTo("db");
        assertThat(spec.port()).isEqualTo(5433);
    }

    @Test
    void readsBracketedIpv6Hosts() {
        ConnectionSpec spec = resolve("postgresql://app@[::1]:5433/app");

        assertThat(spec.host()).isEqualTo("::1");
        assertThat(spec.port()).isEqualTo(5433);
        assertThat(spec.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/app");
        assertThat(spec.redacted()).isEqualTo("postgresql://app@[::1]:5433/app");
    }

    @Test
    void rejectsAnUnbracketedIpv6Host() {
        assertThatThrownBy(() -> resolve("postgresql://app@::1:5432/app"))
                .isInstanceOf(ConnectionSpecException.class).hasMessageContaining("needs brackets");
    }

    @Test
    void letsQueryParametersGiveHostPortAndDatabase() {
        ConnectionSpec spec = resolve("postgresql:///?host=db&port=6000&dbname=app&user=me");

        assertThat(spec.host()).isEqualTo("db");
        assertThat(spec.port()).isEqualTo(6000);
        assertThat(spec.database()).isEqualTo("app");
        assertThat(spec.user()).isEqualTo("me");
    }

    @Test
    void understandsSslTrueAsSslmodeRequire() {
        assertThat(resolve("postgresql://db/app?ssl=true").parameters()).containsEntry("sslmode", "require");
    }

    @Test
    void rejectsSeveralHostsNamingThem() {
        assertThatThrownBy(() -> resolve("postgresql://app:pw@db1:5432,db2:5432/app"))
                .isInstanceOf(ConnectionSpecException.class)
                .hasMessageContaining("several hosts ('db1:5432,db2:5432')")
                .hasMessageContaining("'postgresql://app:****@db1:5432,db2:5432/app'");
    }

    @Test
    void rejectsAnUnknownParameterNamingIt() {
        assertThatThrownBy(() -> resolve("postgresql://db/app?schema=public"))
                .isInstanceOf(ConnectionSpecException.class)
                .hasMessageContaining("unsupported connection parameter 'schema'")
                .hasMessageContaining("sslmode");
    }

    @Test
    void rejectsServiceFilesWithAReason() {
        assertThatThrownBy(() -> resolve("postgresql:///?service=prod"))
                .hasMessageContaining("service files are not read");
    }

    @Test
    void rejectsABadPortShowingTheRedactedUrl() {
        assertThatThrownBy(() -> resolve("postgresql://app:hunter22@db:54x32/app"))
                .isInstanceOf(ConnectionSpecException.class)
                .hasMessage("invalid port '54x32' (expected 1 to 65535) in 'postgresql://app:****@db:54x32/app'");
    }

    @Test
    void rejectsABadSslmodeListingTheChoices() {
        assertThatThrownBy(() -> resolve("postgresql://app:hunter22@db/app?sslmode=required"))
                .hasMessageContaining("invalid sslmode 'required' (expected disable, allow, prefer, require,"
                        + " verify-ca, verify-full)")
                .hasMessageNotContaining("hunter22");
    }

    @Test
    void rejectsBrokenPercentEncodingWithoutShowingThePassword() {
        assertThatThrownBy(() -> resolve("postgresql://app:hun%zzter22@db/app"))
                .isInstanceOf(ConnectionSpecException.class)
                .hasMessageContaining("invalid percent-encoding in the password")
                .hasMessageNotContaining("hun");
    }
}
