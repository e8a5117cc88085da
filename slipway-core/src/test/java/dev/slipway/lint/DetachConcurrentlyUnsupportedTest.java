package dev.slipway.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The concurrent detach is an error exactly on the servers that lack it. */
class DetachConcurrentlyUnsupportedTest {
    private static final String SQL = "-- slipway:no-transaction\n"
            + "ALTER TABLE measurements DETACH PARTITION measurements_2019 CONCURRENTLY;\n";

    @ParameterizedTest(name = "PostgreSQL {0}")
    @CsvSource({"12, true", "13, true", "14, false", "17, false"})
    void flagsTheConcurrentDetachOnlyBefore14(int major, boolean flagged) {
        FileReport report = Linter.of(LintOptions.defaults().withPgMajor(major)).lint("V1__detach.sql", SQL);

        assertThat(report.active().stream().anyMatch(f -> f.rule().equals("detach-concurrently-unsupported")))
                .isEqualTo(flagged);
    }
}
