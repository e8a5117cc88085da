package dev.slipway.migration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A migration version such as {@code 2}, {@code 17.1} or {@code 20250605102416}, compared part by part as numbers,
 * so {@code 1.9 < 1.10}.
 * <p>{@link #parse} accepts {@code .} and {@code _} between parts, as Flyway does ({@code V1_9__x.sql} is version
 * 1.9, which is how Java class names spell dotted versions). A version with more parts sorts after its prefix
 * ({@code 1 < 1.0 < 1.0.1}), which keeps the order consistent with {@code equals}; {@link #withoutTrailingZeros()}
 * tells which versions Flyway would consider the same.
 *
 * @param parts the numeric parts, at least one, none negative
 */
public record Version(List<Long> parts) implements Comparable<Version> {
    /** 18 digits always fit a {@code long}; a 14-digit timestamp is one part. */
    private static final Pattern FORM = Pattern.compile("\\d{1,18}([._]\\d{1,18})*");

    /** Copies the parts and checks there is at least one and none is negative. */
    public Version {
        Objects.requireNonNull(parts, "parts");
        parts = List.copyOf(parts);
        if (parts.isEmpty()) throw new IllegalArgumentException("a version needs at least one part");
        for (long part : parts) {
            if (part < 0) throw new IllegalArgumentException("a version part cannot be negative: " + parts);
        }
    }

    /**
     * Reads a version written with {@code .} or {@code _} between numeric parts.
     *
     * @throws IllegalArgumentException if the text is not a version; the message quotes it
     */
    public static Version parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!FORM.matcher(text).matches()) {
            String hint = text.matches("[\\d._]*\\d{19,}[\\d._]*")
                    ? " (a part has at most 18 digits)"
                    : " (expected numbers separated by '.' or '_', e.g. 1.2, 1_2 or 20250605102416)";
            throw new IllegalArgumentException("not a version: '" + text + "'" + hint);
        }
        return new Version(Arrays.stream(text.split("[._]")).map(Long::valueOf).toList());
    }

    /** {@return a version of the given parts} */
    public static Version of(long... parts) {
        return new Version(Arrays.stream(parts).boxed().toList());
    }

    /**
     * {@return this version without trailing zero parts (but with at least one part): {@code 1.0.0} becomes
     * {@code 1}} Flyway treats such versions as equal, so two of them in one set are a conflict.
     */
    public Version withoutTrailingZeros() {
        List<Long> trimmed = new ArrayList<>(parts);
        while (trimmed.size() > 1 && trimmed.get(trimmed.size() - 1) == 0L) {
            trimmed.remove(trimmed.size() - 1);
        }
        return trimmed.size() == parts.size() ? this : new Version(trimmed);
    }

    /** {@return the version after this one in its first part, e.g. {@code 75} after {@code 74.2}} */
    public Version nextMajor() {
        return Version.of(parts.get(0) + 1);
    }

    @Override
    public int compareTo(Version other) {
        for (int i = 0; i < Math.min(parts.size(), other.parts.size()); i++) {
            int byPart = Long.compare(parts.get(i), other.parts.get(i));
            if (byPart != 0) return byPart;
        }
        return Integer.compare(parts.size(), other.parts.size());
    }

    /** {@return the parts joined with dots, e.g. {@code 1.10}} */
    @Override
    public String toString() {
        return parts.stream().map(String::valueOf).collect(Collectors.joining("."));
    }
}
