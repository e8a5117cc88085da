package dev.slipway.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordRedactorTest {
    @Test
    void masksKnownSecretsAnywhereAlsoPercentEncoded() {
        String text = "FATAL: bad login hunter 22/x for postgresql://app:hunter%2022%2Fx@db/app";

        assertThat(PasswordRedactor.redact(text, List.of(new Secret("hunter 22/x"))))
                .isEqualTo("FATAL: bad login **** for postgresql://app:****@db/app");
    }

    @Test
    void masksThePasswordOfUrlsInText() {
        assertThat(PasswordRedactor.redact("could not connect to postgresql://app:s3cret@db:5432/app: refused"))
                .isEqualTo("could not connect to postgresql://app:****@db:5432/app: refused");
        assertThat(PasswordRedactor.redact("see mysql://root:p@ss@db/x and redis://:tok@cache:6379"))
                .isEqualTo("see mysql://root:****@db/x and redis://:****@cache:6379");
    }

    @Test
    void leavesUrlsWithoutPasswordAlone() {
        String text = "postgresql://app@db:5432/app?application_name=me@laptop and https://example.com/a:b";

        assertThat(PasswordRedactor.redact(text)).isEqualTo(text);
    }

    @Test
    void masksPasswordPairsQuotedOrNot() {
        assertThat(PasswordRedactor.redact("host=db password=s3cret user=app"))
                .isEqualTo("host=db password=**** user=app");
        assertThat(PasswordRedactor.redact("host=db password = 'x y\\' z' user=app"))
                .isEqualTo("host=db password = '****' user=app");
        assertThat(PasswordRedactor.redact("jdbc:postgresql://db/app?user=a&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/app?user=a&password=****&ssl=true");
        assertThat(PasswordRedactor.redact("PGPASSWORD=s3cret pg_dump; sslpassword=\"k\""))
                .isEqualTo("PGPASSWORD=**** pg_dump; sslpassword=\"****\"");
    }

    @Test
    void leavesOrdinaryDriverTextUnchanged() {
        String text = "password authentication failed for user \"app\"";

        assertThat(PasswordRedactor.redact(text, List.of())).isEqualTo(text);
        assertThat(PasswordRedactor.redact(null)).isNull();
    }

    @Test
    void masksAWholeConnectionStringPasswordEvenWithSpaces() {
        assertThat(PasswordRedactor.redactConnectionString("postgresql://app:se cret@db/app", List.of()))
                .isEqualTo("postgresql://app:****@db/app");
        assertThat(PasswordRedactor.redactConnectionString("host=db password=correct horse dbname=app", List.of()))
                .isEqualTo("host=db password=**** dbname=app");
    }
}
