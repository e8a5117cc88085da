package dev.slipway.cli;

import dev.slipway.ExitStatus;
import dev.slipway.Slipway;
import dev.slipway.SlipwayException;
import dev.slipway.apply.StampResult;
import dev.slipway.migration.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slipway stamp V}: records a version without running anything. */
@Command(name = "stamp", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Record the database as being at VERSION without running migrations"
        + " (adopting a database whose schema already matches).")
final class StampCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "VERSION|head", description = "A version, or head for the newest.")
    String version;

    @Override
    public Integer call() {
        Slipway slipway = slipway();
        Version to = "head".equals(version) ? slipway.latestVersion().orElseThrow(() -> SlipwayException.badInput(
                "there are no versioned migrations to stamp", "stamp head", "add migrations first"))
                : Versions.parse("stamp", version);
        StampResult result = confirmed(slipway, "stamp").stamp(to);
        if (output().json()) {
            output().document(result);
        } else {
            output().line("stamped version " + result.version() + ": " + result.stamped().size()
                    + " marked applied, " + result.unstamped().size() + " unmarked");
        }
        return ExitStatus.OK.code();
    }
}
