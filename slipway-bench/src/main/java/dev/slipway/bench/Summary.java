package dev.slipway.bench;

import java.util.Collection;
import java.util.List;

/**
 * Median, minimum and maximum of some samples.
 *
 * @param median the middle sample (the mean of the middle two for an even count)
 * @param min    the smallest
 * @param max    the largest
 * @param count  how many samples there were
 */
public record Summary(double median, double min, double max, int count) {
    /** {@return the summary of {@code samples}, which must not be empty} */
    public static Summary of(Collection<Double> samples) {
        if (samples.isEmpty()) throw new IllegalArgumentException("no samples to summarise");
        List<Double> sorted = samples.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Summary(median, sorted.get(0), sorted.get(n - 1), n);
    }
}
