package dev.slipway.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** libpq keyword/value strings: host=db dbname=app password='x y'. */
class KeywordValueStringTest extends ResolvingTest {
    @Test
    void readsQuotedAndPlainValues() {
        ConnectionSpec spec = resolve("host=db port=5433 dbname=app user=app password='x y' sslmode=require");

        assertThat(spec).isEqualTo(new ConnectionSpec("db", 5433, "app", "app", password("x y"),
                Map.of("sslmode", "require")));
    }

    @Test
    void honoursBackslashEscapesAndSpacesAroundEquals() {
        ConnectionSpec spec = resolve("host = db  password='it\\'s \\\\ here' user=a\\ b");

        assertThat(spec.password()).isEqualTo(password("it's \\ here"));
        assertThat(spec.user()).isEqualTo("a b");
    }

    @Test
    void aQuotedValueMayHoldWhatLooksLikeAUrlScheme() {
        ConnectionSpec spec = resolve("host=db user=app password='Zq7 ://Z&]&:/0'");

        assertThat(spec.password()).isEqualTo(password("Zq7 ://Z&]&:/0"));
        assertThat(spec.host()).isEqualTo("db");
    }

    @Test
    void rejectsAWordWithoutEqualsWithoutShowingIt() {
        assertThatThrownBy(() -> resolve("host=db password=correct horse dbname=app"))
                .isInstanceOf(ConnectionSpecException.class)
                .hasMessageContaining("a word without '='")
                .hasMessageContaining("'host=db password=**** dbname=app'")
                .hasMessageNotContaining("horse");
    }

    @Test
    void rejectsAnUnterminatedQuote() {
        assertThatThrownBy(() -> resolve("host=db password='abc def"))
                .hasMessageContaining("unterminated quoted value of 'password'")
                .hasMessageNotContaining("abc").hasMessageNotContaining("def");
    }

    @Test
    void rejectsUnknownKeywords() {
        assertThatThrownBy(() -> resolve("host=db hostaddr=10.0.0.1"))
                .hasMessageContaining("'hostaddr' (put the address in host instead)");
    }
}
