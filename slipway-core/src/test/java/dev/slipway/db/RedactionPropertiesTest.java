package dev.slipway.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a password holds and however broken the URL around it, resolving never shows it. */
class RedactionPropertiesTest {
    private static final Environment ENV = new Environment(Map.of(), Path.of("/nonexistent-home"), "osuser");

    @Provide
    Arbitrary<String> passwords() {
        return Arbitraries.strings().withChars("abcXYZ019 @/?#:%&='\"\\+,;é[]").ofMinLength(3).ofMaxLength(16)
                .map(tail -> "Zq7" + tail);
    }

    @Property(tries = 300)
    void encodedPasswordsRoundTripAndNeverShow(@ForAll("passwords") String password) {
        for (String url : List.of("postgresql://app:" + PercentCoding.encode(password) + "@db:5432/app",
                "jdbc:postgresql://db/app?user=app&password=" + PercentCoding.encode(password),
                "host=db user=app password='" + password.replace("\\", "\\\\").replace("'", "\\'") + "'")) {
            ConnectionSpec spec = ConnectionSpec.resolve(url, ENV, warning -> { });

            assertThat(spec.password()).contains(new Secret(password));
            assertThat(spec.toString()).doesNotContain(password);
            assertThat(spec.redacted()).doesNotContain(password);
            assertThat(spec.jdbcUrl()).doesNotContain(password);
            assertThat(spec.libpqUri()).doesNotContain(password);
        }
    }

    @Property(tries = 300)
    void malformedUrlsNeverShowThePassword(@ForAll("passwords") String password) {
        String quoted = password.replace("\\", "\\\\").replace("'", "\\'");
        for (String url : List.of("postgresql://app:" + password + "@db:5432/app?sslmode=bogus",
                "postgres://app:" + password + "@db:54x32/app",
                "postgresql://app:" + password + "@db1,db2/app",
                "jdbc:postgresql://db/app?user=app&password=" + password + "&sslmode=bogus",
                "mysql://app:" + password + "@db/app",
                "host=db user=app password='" + quoted + "' sslmode=bogus",
                "host=db user=app password='" + quoted,
                "host=/tmp user=app password='" + quoted + "'")) {
            String shown;
            try {
                shown = ConnectionSpec.resolve(url, ENV, warning -> { }).toString();
            } catch (ConnectionSpecException e) {
                shown = e.getMessage();
            }
            assertThat(shown).as(url).doesNotContain(password);
        }
    }
}
