package dev.slipway.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measured child process.
 *
 * @param tool          which tool ran
 * @param mode          apply or no-op
 * @param size          how many migrations the workload has
 * @param seconds       wall time from just before the JVM was started to its exit
 * @param peakRssKb     peak resident set of the whole process in KiB, or -1 when unknown
 * @param startupMillis from start to the first line of the child's {@code main}: JVM start-up
 * @param workMillis    from the first line of {@code main} to just before exit
 * @param phases        the tool's own phases, in order, in milliseconds
 * @param applied       migrations the tool reported applying
 */
public record Measurement(Tool tool, Mode mode, int size, double seconds, long peakRssKb, long startupMillis,
        long workMillis, Map<String, Long> phases, int applied) {
    public Measurement {
        phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
    }
}
