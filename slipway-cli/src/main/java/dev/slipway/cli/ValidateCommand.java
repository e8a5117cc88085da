package dev.slipway.cli;

import dev.slipway.ExitStatus;
import dev.slipway.ValidationReport;
import dev.slipway.migration.Problem;
import dev.slipway.migration.SkippedFile;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code slipway validate}: checks files, directives, checksums, order, config and connectivity. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check migration files, directives, checksums, order, configuration and"
        + " the connection. Exit 3 when problems are found.")
final class ValidateCommand extends BaseCommand {
    @Override
    public Integer call() {
        ValidationReport report = slipway().validate();
        if (output().json()) {
            output().document(report);
        } else {
            output().line(report.migrations() + " migration(s) found; database " + report.database());
            for (Problem problem : report.problems()) {
                output().line("problem: " + problem.message() + "\n  files: " + String.join(", ", problem.files())
                        + "\n  fix: " + problem.fix());
            }
            // a Flyway callback did something under Flyway that no longer happens: always named
            List<SkippedFile> shown = report.skipped().stream()
                    .filter(skipped -> options().isVerbose() || skipped.flywayCallback()).toList();
            for (SkippedFile skipped : shown) {
                output().line("skipped: " + skipped.path() + " (" + skipped.reason() + ")");
            }
            int unnamed = report.skipped().size() - shown.size();
            if (unnamed > 0 && !options().isQuiet()) {
                output().line(unnamed + " file(s) skipped as not migrations (--verbose lists them)");
            }
            output().line(report.ok() ? "ok" : report.problems().size() + " problem(s)");
        }
        return report.ok() ? ExitStatus.OK.code() : ExitStatus.CHECK_FAILED.code();
    }
}
