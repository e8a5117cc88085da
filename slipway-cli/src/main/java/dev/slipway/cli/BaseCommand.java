package dev.slipway.cli;

import dev.slipway.Slipway;
import dev.slipway.SlipwayBuilder;
import dev.slipway.config.EnvironmentConfig;
import dev.slipway.config.SlipwayConfig;
import dev.slipway.db.Environment;
import dev.slipway.db.ServerVersion;
import dev.slipway.deploy.TargetInfo;
import dev.slipway.sandbox.Sandbox;
import java.io.Console;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** What every subcommand shares: the global options (merged with those before the command) and the output. */
abstract class BaseCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions local;

    @ParentCommand
    SlipwayCommand root;

    @Spec
    CommandSpec spec;

    private GlobalOptions merged;
    private Output output;
    private SlipwayConfig projectConfig;

    /** {@return the global options, those after the command name winning} */
    GlobalOptions options() {
        if (merged == null) merged = local.over(root.global);
        return merged;
    }

    Output output() {
        if (output == null) output = new Output(spec.commandLine().getOut(), options());
        return output;
    }

    /**
     * {@return slipway.toml as the global options point at it: the file named by {@code --config}, which must exist,
     * else {@code ./slipway.toml} when there is one, else the defaults; read once per command}
     */
    SlipwayConfig projectConfig() {
        if (projectConfig == null) {
            GlobalOptions options = options();
            Path file = options.config != null ? options.config : Path.of("slipway.toml");
            projectConfig = SlipwayBuilder.readConfig(file, options.config != null, Environment.system());
        }
        return projectConfig;
    }

    /** {@return the library configured from slipway.toml, the environment and the flags} */
    Slipway slipway() {
        GlobalOptions options = options();
        Environment environment = Environment.system();
        SlipwayBuilder builder = Slipway.configure()
                .project(projectConfig(), options.env, environment)
                .listener(output().listener());
        if (options.url != null) builder.url(options.url, environment);
        if (options.locations != null) builder.locations(options.locations);
        if (options.historySchema != null) builder.historySchema(options.historySchema);
        if (options.lockTimeout != null) {
            builder.lockTimeout(DurationConverter.parse("--lock-timeout", options.lockTimeout));
        }
        if (options.lockRetries != null) builder.lockRetries(options.lockRetries);
        if (options.statementTimeout != null) {
            builder.statementTimeout(DurationConverter.parse("--statement-timeout", options.statementTimeout));
        }
        if (options.lockWait != null) builder.lockWait(DurationConverter.parse("--lock-wait", options.lockWait));
        customize(builder);
        return builder.load();
    }

    /**
     * Asks for the database name before a change to a protected environment: from {@code --confirm}, or typed at a
     * prompt that shows the target when a terminal is attached.
     */
    final Slipway confirmed(Slipway slipway, String change) {
        boolean isProtected = slipway.settings().environment().map(EnvironmentConfig::protectedEnvironment)
                .orElse(false);
        if (!isProtected) return slipway;
        TargetInfo target = slipway.target();
        slipway.confirm(target, typedConfirmation(target, change));
        return slipway;
    }

    /**
     * {@return the database name the user gives for {@code change} on {@code target}: {@code --confirm}, else typed
     * at a prompt that shows the target when a terminal is attached (not in json mode), else null}
     */
    final String typedConfirmation(TargetInfo target, String change) {
        String typed = options().confirm;
        Console console = System.console();
        if (typed == null && console != null && !options().json()) {
            typed = console.readLine("%s on protected environment %s:%n  database %s on %s (PostgreSQL %s), at version"
                    + " %s%nType the database name to continue: ", change, target.environment(), target.database(),
                    target.host(), target.serverVersion(), target.current() == null ? "none" : target.current());
            if (typed != null) typed = typed.strip();
        }
        return typed;
    }

    /**
     * {@return where the command makes scratch databases: on {@code --dev-url} when given, else on a throwaway local
     * cluster of {@code target}'s major version; the command closes it}
     */
    Sandbox sandbox(ServerVersion target) {
        Environment environment = Environment.system();
        String devUrl = options().devUrl;
        if (devUrl == null) devUrl = environment.variables().get("SLIPWAY_DEV_URL");
        if (devUrl != null && devUrl.isBlank()) devUrl = null;
        return Sandbox.open(devUrl, environment, target);
    }

    /** Lets a command set more on the builder. */
    void customize(SlipwayBuilder builder) {
    }
}
