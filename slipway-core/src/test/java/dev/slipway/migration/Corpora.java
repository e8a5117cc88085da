package dev.slipway.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real-world migration folders and Flyway's history of them, from the shared test data. */
final class Corpora {
    static final String MARQUEZ = "MarquezProject__marquez";
    static final String REPORTSTREAM = "CDCgov__prime-reportstream";
    static final String OPENMETER = "openmeterio__openmeter";

    /** One row of a reference {@code flyway_schema_history}. */
    record HistoryRow(String version, String description, String type, String script, int checksum) {
    }

    private Corpora() {
    }

    static Path folder(String id) {
        String shared = System.getProperty("slipway.shared.dir");
        if (shared == null) {
            throw new IllegalStateException("the build sets slipway.shared.dir; run the tests with Maven");
        }
        return Path.of(shared, "corpora", id);
    }

    /** The rows of Flyway's history after applying a corpus, in installed order. */
    static List<HistoryRow> flywayHistory(String id) {
        Path tsv = folder("reference").resolve(id + ".flyway_history.tsv");
        try {
            return Files.readAllLines(tsv, StandardCharsets.UTF_8).stream()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split("\t", -1))
                    .map(cells -> new HistoryRow(cells[1], cells[2], cells[3], cells[4], Integer.parseInt(cells[5])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
