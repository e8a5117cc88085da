package dev.slipway.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenTest {

    private static Token first(String sql) {
        return SqlLexer.tokenize(sql).get(0);
    }

    @Test
    void keywordsMatchIgnoringAsciiCaseOnly() {
        assertThat(first("Create").isKeyword("CREATE")).isTrue();
        assertThat(first("create").isAnyKeyword("DROP", "CREATE")).isTrue();
        assertThat(first("\"create\"").isKeyword("create")).isFalse();
        // Java's case-insensitive comparison would accept the long s; PostgreSQL does not.
        assertThat(first("ſelect").isKeyword("select")).isFalse();
    }

    @Test
    void commentsAndSignificance() {
        assertThat(first("-- x").isComment()).isTrue();
        assertThat(first("/* x */").isComment()).isTrue();
        assertThat(first("/* x */").isSignificant()).isFalse();
        assertThat(first(" ").isSignificant()).isFalse();
        assertThat(first(";").isSignificant()).isTrue();
    }

    @Test
    void unquotedIdentifiersFoldAsciiLettersToLowerCase() {
        assertThat(first("Users_ÄÖ").identifier()).isEqualTo("users_ÄÖ");
    }

    @Test
    void quotedIdentifiersKeepTheirSpelling() {
        assertThat(first("\"My \"\"Table\"\"\"").identifier()).isEqualTo("My \"Table\"");
        assertThat(first("U&\"d\\0061t\\+000061\\\\\"").identifier()).isEqualTo("data\\");
    }

    @Test
    void identifiersAreTruncatedTo63BytesWithoutSplittingACharacter() {
        assertThat(first("a".repeat(70)).identifier()).isEqualTo("a".repeat(63));
        // 31 two-byte characters fill 62 bytes; the 32nd would need 64.
        assertThat(first("\"" + "é".repeat(40) + "\"").identifier()).isEqualTo("é".repeat(31));
    }

    @Test
    void onlyNamesHaveAnIdentifier() {
        assertThatThrownBy(() -> first("'x'").identifier()).isInstanceOf(IllegalStateException.class)
                .hasMessage("STRING token 'x' at line 1, column 1 is not an identifier");
    }

    @Test
    void tokensRejectImpossiblePositions() {
        assertThatThrownBy(() -> new Token(TokenType.WORD, "", 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Token(TokenType.WORD, "x", 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
