package dev.slipway.cli;

import dev.slipway.ExitStatus;
import dev.slipway.apply.BaselineResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slipway baseline}: adopts an existing database. */
@Command(name = "baseline", description = "Adopt an existing database: import flyway_schema_history if there is one,"
        + " otherwise record --version as the baseline below which nothing runs.")
final class BaselineCommand extends BaseCommand {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--version", paramLabel = "VERSION", description = "The version the schema matches.")
    String version;

    @Override
    public Integer call() {
        BaselineResult result = confirmed(slipway(), "baseline")
                .baseline(version == null ? null : Versions.parse("--version", version));
        if (output().json()) {
            output().document(result);
        } else if (result.adopted() > 0) {
            output().line("adopted " + result.adopted() + " row(s) of flyway_schema_history");
        } else {
            output().line("baseline recorded at version " + result.version());
        }
        return ExitStatus.OK.code();
    }
}
