package dev.slipway.cli;

import dev.slipway.ExitStatus;
import dev.slipway.SlipwayException;
import dev.slipway.apply.AppliedMigration;
import dev.slipway.apply.DowngradeResult;
import dev.slipway.apply.DowngradeTarget;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway downgrade -1 | --to V | --base}: runs down migrations. */
@Command(name = "downgrade", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Revert applied migrations with their down migrations: -N (the newest N),"
        + " --to VERSION (everything above it) or --base (everything).")
final class DowngradeCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "-N|base",
            description = "How many to revert, e.g. -1; or base (as in Alembic) for everything.")
    String steps;

    @ArgGroup(exclusive = true)
    Target target;

    /** The other two ways to say how far. */
    static final class Target {
        @Option(names = "--to", paramLabel = "VERSION", description = "Revert everything above this version.")
        String to;

        @Option(names = "--base", description = "Revert everything.")
        boolean base;
    }

    @Override
    public Integer call() {
        DowngradeTarget target = target();
        DowngradeResult result = confirmed(slipway(), "downgrade").downgrade(target);
        if (output().json()) {
            output().document(result);
        } else if (result.reverted().isEmpty()) {
            output().line("nothing to revert; at version " + (result.from() == null ? "none" : result.from()));
        } else {
            output().line("reverted " + result.reverted().size() + " migration(s): version "
                    + (result.from() == null ? "none" : result.from()) + " -> "
                    + (result.to() == null ? "none (base)" : result.to()));
            for (AppliedMigration reverted : result.reverted()) {
                output().progress("  " + reverted.script());
            }
        }
        return ExitStatus.OK.code();
    }

    private DowngradeTarget target() {
        int given = (steps != null ? 1 : 0) + (target != null ? 1 : 0);
        if (given != 1) {
            throw SlipwayException.badInput("say how far to go back: -N, --to VERSION or --base (exactly one)",
                    "downgrade", "e.g. slipway downgrade -1");
        }
        if ("base".equals(steps)) return new DowngradeTarget.Base();
        if (steps != null) {
            if (!steps.matches("-?\\d+") || Integer.parseInt(steps.replace("-", "")) < 1) {
                throw SlipwayException.badInput("not a number of steps: " + steps, "downgrade",
                        "e.g. slipway downgrade -1");
            }
            return new DowngradeTarget.Steps(Math.abs(Integer.parseInt(steps)));
        }
        if (target.base) return new DowngradeTarget.Base();
        return new DowngradeTarget.To(Versions.parse("--to", target.to));
    }
}
