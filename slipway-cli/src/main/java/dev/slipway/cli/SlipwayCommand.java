package dev.slipway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The top-level {@code slipway} command; global options may stand before the subcommand. */
@Command(name = "slipway", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Safe PostgreSQL schema migrations: plan, lint, back up, apply, verify, roll back.",
        subcommands = {MigrateCommand.class, UpgradeCommand.class, DowngradeCommand.class, StatusCommand.class,
                HistoryCommand.class, ValidateCommand.class, StampCommand.class, BaselineCommand.class,
                NewCommand.class, DemoCommand.class, LintCommand.class, PlanCommand.class, BackupCommand.class,
                BackupsCommand.class, RestoreCommand.class, VerifyCommand.class, DriftCommand.class,
                DiffCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done; 1 failed (the message says the database's state); 2 bad usage, configuration"
                + " or input (nothing touched); 3 a check found problems; 4 failed and the rollback policy ran."})
final class SlipwayCommand {
    @Mixin
    GlobalOptions global;
}
