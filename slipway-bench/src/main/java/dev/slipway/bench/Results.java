package dev.slipway.bench;

import java.util.List;

/**
 * Everything one benchmark run produced.
 *
 * @param options      what was asked for
 * @param facts        the machine and versions
 * @param rssSource    where the peak memory numbers come from
 * @param measurements every measured child, in the order they ran
 * @param minutes      how long the whole run took
 * @param loadAfter    the load average when it ended
 */
public record Results(BenchOptions options, MachineFacts facts, String rssSource, List<Measurement> measurements,
        double minutes, String loadAfter) {
    public Results {
        measurements = List.copyOf(measurements);
    }

    /** {@return the measurements of one cell of the report} */
    public List<Measurement> cell(Tool tool, Mode mode, int size) {
        return measurements.stream().filter(m -> m.tool() == tool && m.mode() == mode && m.size() == size).toList();
    }

    /** {@return the wall-time summary of one cell, in seconds} */
    public Summary seconds(Tool tool, Mode mode, int size) {
        return Summary.of(cell(tool, mode, size).stream().map(Measurement::seconds).toList());
    }

    /** {@return the peak-memory summary of one cell, in MiB} */
    public Summary peakMib(Tool tool, Mode mode, int size) {
        return Summary.of(cell(tool, mode, size).stream().map(m -> m.peakRssKb() / 1024.0).toList());
    }
}
