package dev.slipway.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DirectiveTest {
    private static final SourcePosition WHERE = SourcePosition.of("db/migration/V3__add_index.sql", 4);

    @Test
    void readsEachDirective() {
        assertThat(parse("-- slipway:no-transaction")).contains(new Directive.NoTransaction());
        assertThat(parse("-- slipway:lock-timeout 2s")).contains(new Directive.LockTimeout(Duration.ofSeconds(2)));
        assertThat(parse("-- slipway:statement-timeout 10m"))
                .contains(new Directive.StatementTimeout(Duration.ofMinutes(10)));
        assertThat(parse("-- slipway:allow adding-not-null-column because the table is empty until launch"))
                .contains(new Directive.Allow("adding-not-null-column", "the table is empty until launch"));
        assertThat(parse("-- slipway:batch key=id size=5000 pause=50ms"))
                .contains(new Directive.Batch("id", 5000, Duration.ofMillis(50)));
    }

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "3s, PT3S", "2m, PT2M", "1h, PT1H", "0s, PT0S"})
    void readsDurations(String text, Duration expected) {
        assertThat(parse("-- slipway:lock-timeout " + text)).contains(new Directive.LockTimeout(expected));
    }

    @Test
    void batchSizeDefaultsTo1000AndPauseToNone() {
        assertThat(parse("-- slipway:batch key=account_id")).contains(new Directive.Batch("account_id", 1000,
                Duration.ZERO));
        assertThat(parse("-- slipway:batch pause=1s key=\"OrderId\""))
                .contains(new Directive.Batch("\"OrderId\"", 1000, Duration.ofSeconds(1)));
    }

    @Test
    void acceptsTheCommentWithOrWithoutMarkersAndSpacing() {
        Optional<Directive> expected = Optional.of(new Directive.NoTransaction());
        assertThat(parse("--slipway:no-transaction")).isEqualTo(expected);
        assertThat(parse("   --   slipway:no-transaction   ")).isEqualTo(expected);
        assertThat(parse("/* slipway:no-transaction */")).isEqualTo(expected);
        assertThat(parse("slipway:no-transaction")).isEqualTo(expected);
        assertThat(parse("-- slipway: no-transaction")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-- add an index for the dashboard", "-- Slipway: handles locks for us",
        "/* plain block comment */", "--", "-- see slipway:no-transaction below"})
    void ordinaryCommentsAreNotDirectives(String comment) {
        assertThat(parse(comment)).isEmpty();
    }

    @Test
    void anUnknownDirectiveListsTheKnownOnesAndSuggestsTheClosest() {
        assertThatThrownBy(() -> parse("-- slipway:no-transation"))
                .isInstanceOfSatisfying(MigrationFormatException.class, e -> {
                    assertThat(e.where()).isEqualTo(WHERE);
                    assertThat(e.getMessage()).isEqualTo("db/migration/V3__add_index.sql:4: unknown directive "
                            + "'slipway:no-transation' (did you mean 'no-transaction'?); known: no-transaction, "
                            + "lock-timeout <duration>, statement-timeout <duration>, allow <rule> because <reason>, "
                            + "batch key=<column> [size=<rows>] [pause=<duration>]");
                });
        assertThatThrownBy(() -> parse("-- slipway:lock_timeout 2s"))
                .hasMessageContaining("did you mean 'lock-timeout'");
        assertThatThrownBy(() -> parse("-- slipway:vacuum")).hasMessageContaining("unknown directive 'slipway:vacuum'")
                .hasMessageNotContaining("did you mean");
        assertThatThrownBy(() -> parse("-- slipway:")).hasMessageContaining("needs a directive; known: no-transaction");
    }

    @Test
    void allowNeedsAReason() {
        assertThatThrownBy(() -> parse("-- slipway:allow adding-not-null-column"))
                .isInstanceOf(MigrationFormatException.class)
                .hasMessage("db/migration/V3__add_index.sql:4: allow adding-not-null-column needs a reason: "
                        + "-- slipway:allow adding-not-null-column because <reason>");
        assertThatThrownBy(() -> parse("-- slipway:allow adding-not-null-column because   "))
                .hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> parse("-- slipway:allow adding-not-null-column since it is empty"))
                .hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> parse("-- slipway:allow")).hasMessageContaining("allow needs a rule and a reason");
    }

    @ParameterizedTest
    @ValueSource(strings = {"500", "3 s", "2min", "-1s", "s", "3S"})
    void badDurationsAreRefused(String text) {
        assertThatThrownBy(() -> parse("-- slipway:statement-timeout " + text))
                .isInstanceOf(MigrationFormatException.class)
                .hasMessageContaining("statement-timeout")
                .hasMessageContaining("500ms, 1.5s, 2m or 1h");
    }

    @Test
    void directivesTakeTheSameDurationsAsTheConfiguration() {
        assertThat(parse("-- slipway:lock-timeout 1.5s")).contains(new Directive.LockTimeout(Duration.ofMillis(1500)));
    }

    @Test
    void timeoutsTakeExactlyOneDuration() {
        assertThatThrownBy(() -> parse("-- slipway:lock-timeout"))
                .hasMessageContaining("lock-timeout takes one duration");
        assertThatThrownBy(() -> parse("-- slipway:lock-timeout 2s 3s"))
                .hasMessageContaining("lock-timeout takes one duration").hasMessageContaining("found '2s 3s'");
    }

    @Test
    void noTransactionTakesNoArguments() {
        assertThatThrownBy(() -> parse("-- slipway:no-transaction because of the index"))
                .hasMessageContaining("no-transaction takes no arguments");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "size=10                  | batch needs key=<column>",
        "key=                     | batch needs key=<column>",
        "key=id size=0            | batch size must be a whole number of rows, at least 1, found '0'",
        "key=id size=many         | found 'many'",
        "key=id pause=5           | bad duration '5' in batch pause",
        "key=id rows=10           | unknown batch parameter 'rows' (known: key, size, pause)",
        "key=id key=uuid          | batch parameter 'key' is given twice",
        "key=id 5000              | batch parameters are name=value, found '5000'",
        "key=1id                  | batch key '1id' is not a column name",
    })
    void badBatchParametersAreRefused(String arguments, String message) {
        assertThatThrownBy(() -> parse("-- slipway:batch " + arguments))
                .isInstanceOf(MigrationFormatException.class)
                .hasMessageContaining(message)
                .hasMessageStartingWith(WHERE + ": ");
    }

    @Test
    void valuesAreCheckedWhenBuiltInCode() {
        assertThatThrownBy(() -> new Directive.Batch("id", 0, Duration.ZERO)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new Directive.LockTimeout(Duration.ofSeconds(-1))).hasMessageContaining("negative");
        assertThatThrownBy(() -> new Directive.Allow("rule", " ")).hasMessageContaining("needs a reason");
    }

    private static Optional<Directive> parse(String comment) {
        return Directive.parse(comment, WHERE);
    }
}
