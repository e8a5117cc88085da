package dev.slipway.cli;

import dev.slipway.ExitStatus;
import dev.slipway.apply.StampResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slipway stamp V}: records a version without running anything. */
@Command(name = "stamp", description = "Record the database as being at VERSION without running migrations"
        + " (adopting a database whose schema already matches).")
final class StampCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "VERSION")
    String version;

    @Override
    public Integer call() {
        StampResult result = confirmed(slipway(), "stamp").stamp(Versions.parse("stamp", version));
        if (output().json()) {
            output().document(result);
        } else {
            output().line("stamped version " + result.version() + ": " + result.stamped().size()
                    + " marked applied, " + result.unstamped().size() + " unmarked");
        }
        return ExitStatus.OK.code();
    }
}
