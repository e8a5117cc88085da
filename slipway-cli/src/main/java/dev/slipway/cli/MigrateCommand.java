package dev.slipway.cli;

import dev.slipway.ExitStatus;
import dev.slipway.Slipway;
import dev.slipway.SlipwayBuilder;
import dev.slipway.apply.AppliedMigration;
import dev.slipway.apply.MigrateResult;
import dev.slipway.migration.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slipway migrate [--target V]}: applies pending migrations. */
@Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Apply pending migrations (then new or changed repeatable ones).")
class MigrateCommand extends BaseCommand {
    @Option(names = "--target", paramLabel = "VERSION", description = "Stop after this version.")
    String target;

    @Option(names = "--out-of-order", description = "Also apply pending versions older than the newest applied one.")
    boolean outOfOrder;

    @Override
    public Integer call() {
        return migrate(target == null ? null : Versions.parse("--target", target));
    }

    @Override
    void customize(SlipwayBuilder builder) {
        if (outOfOrder) builder.outOfOrder(true);
    }

    final Integer migrate(Version to) {
        Slipway slipway = confirmed(slipway(), "migrate");
        MigrateResult result = to == null ? slipway.migrate() : slipway.migrate(to);
        if (output().json()) {
            output().document(result);
        } else if (result.applied().isEmpty()) {
            output().line("up to date at version " + (result.to() == null ? "none" : result.to()));
        } else {
            long total = result.applied().stream().mapToLong(a -> a.took().toMillis()).sum();
            output().line("applied " + result.applied().size() + " migration(s) in " + total + " ms: version "
                    + (result.from() == null ? "none" : result.from()) + " -> "
                    + (result.to() == null ? "none" : result.to()));
        }
        return ExitStatus.OK.code();
    }
}
