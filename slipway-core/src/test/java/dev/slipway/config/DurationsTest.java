package dev.slipway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @Test
    void readsEveryUnit() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("3s")).isEqualTo(Duration.ofSeconds(3));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void readsFractionsCombinationsAndZero() {
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("0.25ms")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(Durations.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("0")).isZero();
        assertThat(Durations.parse(" 0s ")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3", "3 s", "3sec", "-1s", "1.s", "s", "1h-", "1d", "3S"})
    void rejectsOtherTextNamingItAndTheForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'" + text + "'").hasMessageContaining("500ms, 3s, 2m, 1h, 1.5s");
    }

    @Test
    void formatsWithTheLargestExactUnit() {
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0");
        assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(Durations.format(Duration.ofMinutes(30))).isEqualTo("30m");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(Durations.format(Duration.ofMillis(500))).isEqualTo("500ms");
    }

    @Property
    void formatReadsBackAsTheSameDuration(@ForAll @LongRange(min = 0, max = 400_000_000_000_000L) long nanos) {
        Duration duration = Duration.ofNanos(nanos);

        assertThat(Durations.parse(Durations.format(duration))).isEqualTo(duration);
    }
}
