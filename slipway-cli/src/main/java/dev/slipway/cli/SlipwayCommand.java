package dev.slipway.cli;

import picocli.CommandLine.Command;

/** The top-level {@code slipway} command. */
@Command(name = "slipway", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Safe PostgreSQL schema migrations: plan, lint, back up, apply, verify, roll back.")
final class SlipwayCommand {
}
