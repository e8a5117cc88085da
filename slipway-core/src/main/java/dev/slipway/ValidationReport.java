package dev.slipway;

import dev.slipway.migration.Problem;
import dev.slipway.migration.SkippedFile;
import java.util.List;

/**
 * What {@code validate} found.
 *
 * @param migrations how many migrations (versioned, down, repeatable, baseline, Java) were found
 * @param problems   what must be fixed; empty when all is well
 * @param skipped    files in the locations that are not migrations, and why
 * @param database   what was checked against the database, e.g. the connection and the history, or why it was not
 */
public record ValidationReport(int migrations, List<Problem> problems, List<SkippedFile> skipped, String database) {
    public ValidationReport {
        problems = List.copyOf(problems);
        skipped = List.copyOf(skipped);
    }

    /** {@return whether nothing needs fixing} */
    public boolean ok() {
        return problems.isEmpty();
    }
}
