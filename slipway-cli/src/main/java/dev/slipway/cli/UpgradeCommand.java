package dev.slipway.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slipway upgrade head|V}: Alembic's name for {@code migrate}. */
@Command(name = "upgrade", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Alias of migrate, as in Alembic: upgrade head, or upgrade <version>.")
final class UpgradeCommand extends MigrateCommand {
    @Parameters(index = "0", paramLabel = "head|VERSION", defaultValue = "head",
            description = "head (everything) or the version to stop after.")
    String to;

    @Override
    public Integer call() {
        return migrate("head".equals(to) ? null : Versions.parse("upgrade", to));
    }
}
