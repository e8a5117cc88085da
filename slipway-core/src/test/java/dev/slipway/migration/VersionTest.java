package dev.slipway.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    @Test
    void underscoresAndDotsSeparateNumericParts() {
        assertThat(Version.parse("1_9")).isEqualTo(Version.parse("1.9"));
        assertThat(Version.parse("1_9")).isLessThan(Version.parse("1_10"));
        assertThat(Version.parse("1.9")).isLessThan(Version.parse("1.10"));
        assertThat(Version.parse("2")).isGreaterThan(Version.parse("1.999"));
        assertThat(Version.parse("1_10").toString()).isEqualTo("1.10");
    }

    @Test
    void fourteenDigitTimestampsAreOnePart() {
        Version version = Version.parse("20250605102416");
        assertThat(version.parts()).containsExactly(20250605102416L);
        assertThat(version).isLessThan(Version.parse("20250605102417"));
    }

    @Test
    void aLongerVersionSortsAfterItsPrefixAndTrailingZerosAreVisible() {
        assertThat(Version.parse("1")).isLessThan(Version.parse("1.0"));
        assertThat(Version.parse("1.0")).isLessThan(Version.parse("1.0.1"));
        assertThat(Version.parse("1.0.0").withoutTrailingZeros()).isEqualTo(Version.parse("1"));
        assertThat(Version.parse("0").withoutTrailingZeros()).isEqualTo(Version.parse("0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.", ".1", "1..2", "1__2", "a", "-1", "1.-2", "v1", " 1", "1234567890123456789"})
    void rejectsWhatIsNotAVersion(String text) {
        assertThatThrownBy(() -> Version.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void partsAreNeverEmptyOrNegative() {
        assertThatThrownBy(() -> new Version(List.of())).hasMessageContaining("at least one part");
        assertThatThrownBy(() -> Version.of(1, -2)).hasMessageContaining("negative");
    }

    @Property
    void printingAndParsingRoundTrip(@ForAll("versions") Version version) {
        assertThat(Version.parse(version.toString())).isEqualTo(version);
        assertThat(Version.parse(version.toString().replace('.', '_'))).isEqualTo(version);
    }

    @Property
    void orderFollowsTheNumbersPartByPart(@ForAll("versions") Version a, @ForAll("versions") Version b) {
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(byDecimalText(a, b)));
    }

    @Property
    void orderIsTotalAndConsistentWithEquals(@ForAll("versions") Version a, @ForAll("versions") Version b,
                                             @ForAll("versions") Version c) {
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
        assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
        if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) assertThat(a.compareTo(c)).isLessThanOrEqualTo(0);
    }

    @Provide
    Arbitrary<Version> versions() {
        // Small parts make equal and prefix-related versions common; big ones cover timestamps.
        Arbitrary<Long> part = Arbitraries.oneOf(Arbitraries.longs().between(0, 12),
                Arbitraries.longs().between(0, 999_999_999_999_999_999L));
        return part.list().ofMinSize(1).ofMaxSize(4).map(Version::new);
    }

    /** An independent reading: each part's decimal text as a big integer, then the shorter version first. */
    private static int byDecimalText(Version a, Version b) {
        List<BigInteger> left = decimalParts(a);
        List<BigInteger> right = decimalParts(b);
        for (int i = 0; i < left.size() && i < right.size(); i++) {
            int byPart = left.get(i).compareTo(right.get(i));
            if (byPart != 0) return byPart;
        }
        return left.size() - right.size();
    }

    private static List<BigInteger> decimalParts(Version version) {
        return List.of(version.toString().split("\\.")).stream().map(BigInteger::new).collect(Collectors.toList());
    }
}
