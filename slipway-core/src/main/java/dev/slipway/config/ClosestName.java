package dev.slipway.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known name a typo was meant to be (a configuration key, a directive), by edit distance, ignoring case
 * and the difference between {@code -} and {@code _}. Stateless.
 */
public final class ClosestName {
    private ClosestName() {
    }

    /** {@return the known name closest to {@code typed}, when it is close enough to be the one meant} */
    public static Optional<String> closest(String typed, Collection<String> known) {
        String normalized = normalize(typed);
        return known.stream()
                .min(Comparator.comparingInt((String key) -> distance(normalized, normalize(key))))
                .filter(key -> distance(normalized, normalize(key)) <= Math.max(2, key.length() / 3));
    }

    private static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
