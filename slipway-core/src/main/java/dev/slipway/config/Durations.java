package dev.slipway.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short durations as configuration writes them: {@code 500ms}, {@code 3s}, {@code 2m}, {@code 1h}, {@code 1.5s},
 * combinations such as {@code 1m30s}, and {@code 0}. Stateless.
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
    private static final String FORMS = "500ms, 3s, 2m, 1h, 1.5s, 1m30s or 0";

    private Durations() {
    }

    /**
     * {@return the duration {@code text} stands for}
     *
     * @throws ConfigException naming the text and the accepted forms when it is not one of them
     */
    public static Duration parse(String text) {
        if (text == null) throw new ConfigException("missing duration; expected " + FORMS);
        String trimmed = text.strip();
        if (trimmed.matches("0+(\\.0+)?")) return Duration.ZERO;
        Matcher part = PART.matcher(trimmed);
        BigDecimal nanos = BigDecimal.ZERO;
        int position = 0;
        while (position < trimmed.length() && part.find(position) && part.start() == position) {
            nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(nanosPer(part.group(2)))));
            position = part.end();
        }
        if (position == 0 || position < trimmed.length()) {
            throw new ConfigException("invalid duration '" + text + "'; expected " + FORMS);
        }
        try {
            return Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException tooLong) {
            throw new ConfigException("invalid duration '" + text + "': too long");
        }
    }

    private static long nanosPer(String unit) {
        return switch (unit) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw new AssertionError(unit);
        };
    }

    /**
     * {@return the short form of {@code duration}, which {@link #parse(String)} reads back to the same value}
     * <p>The largest unit that divides it exactly: {@code 2h}, {@code 90s}, {@code 500ms}; seconds with a
     * fraction as {@code 1.5s}; {@code 0} for zero.
     */
    public static String format(Duration duration) {
        if (duration.isNegative()) throw new IllegalArgumentException("negative duration: " + duration);
        if (duration.isZero()) return "0";
        long nanos = duration.toNanos();
        if (nanos % nanosPer("h") == 0) return nanos / nanosPer("h") + "h";
        if (nanos % nanosPer("m") == 0) return nanos / nanosPer("m") + "m";
        if (nanos % nanosPer("s") == 0) return nanos / nanosPer("s") + "s";
        if (nanos >= nanosPer("s")) {
            return new BigDecimal(nanos).divide(BigDecimal.valueOf(nanosPer("s"))).stripTrailingZeros().toPlainString()
                    + "s";
        }
        return new BigDecimal(nanos).divide(BigDecimal.valueOf(nanosPer("ms"))).stripTrailingZeros().toPlainString()
                + "ms";
    }
}
