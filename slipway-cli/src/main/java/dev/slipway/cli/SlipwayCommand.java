package dev.slipway.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The top-level {@code slipway} command; global options may stand before the subcommand. {@link Main} adds the
 * subcommands {@link #subcommandsFor(String...) a command line names} rather than the annotation listing them all:
 * picocli builds the whole model of every subcommand it is given before it parses anything, which took a good part
 * of the start-up of a command such as {@code slipway lint} that runs for a second.
 */
@Command(name = "slipway", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Safe PostgreSQL schema migrations: plan, lint, back up, apply, verify, roll back.",
        footer = {"", "Exit codes: 0 done; 1 failed (the message says the database's state); 2 bad usage, configuration"
                + " or input (nothing touched); 3 a check found problems; 4 failed and the rollback policy ran."})
final class SlipwayCommand {
    /** The subcommands in the order the help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(DeployCommand.class, MigrateCommand.class,
            UpgradeCommand.class, DowngradeCommand.class, StatusCommand.class, HistoryCommand.class,
            ValidateCommand.class, StampCommand.class, BaselineCommand.class, RepairCommand.class, NewCommand.class,
            DemoCommand.class, LintCommand.class, PlanCommand.class, BackupCommand.class, BackupsCommand.class,
            RestoreCommand.class, VerifyCommand.class, DriftCommand.class, DiffCommand.class, TestCommand.class,
            CommandLine.HelpCommand.class);

    @Mixin
    GlobalOptions global;

    /**
     * The subcommands a command line can run: those whose name or alias is one of its arguments, or all of them when
     * it names none (for the top-level help and the message about an unknown command), asks for {@code help} or
     * reads arguments from an {@code @file}. An option value that spells a command name is read as that command with
     * or without the others present, so the parse is the same as with every subcommand; where the top-level usage
     * is shown, {@link Main} builds the command line again with them all.
     *
     * @param args the arguments as given
     * @return the subcommand classes, in the order the help lists them
     */
    static List<Class<?>> subcommandsFor(String... args) {
        Set<String> words = Set.copyOf(List.of(args));
        List<Class<?>> named = new ArrayList<>();
        for (Class<?> subcommand : SUBCOMMANDS) {
            if (names(subcommand).stream().anyMatch(words::contains)) named.add(subcommand);
        }
        boolean argumentFile = words.stream().anyMatch(word -> word.startsWith("@"));
        return named.isEmpty() || named.contains(CommandLine.HelpCommand.class) || argumentFile ? SUBCOMMANDS : named;
    }

    /** {@return every subcommand, in the order the help lists them} */
    static List<Class<?>> allSubcommands() {
        return SUBCOMMANDS;
    }

    private static List<String> names(Class<?> subcommand) {
        Command command = subcommand.getAnnotation(Command.class);
        List<String> names = new ArrayList<>(List.of(command.aliases()));
        names.add(command.name());
        return names;
    }
}
