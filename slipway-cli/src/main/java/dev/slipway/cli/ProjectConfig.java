package dev.slipway.cli;

import dev.slipway.SlipwayException;
import dev.slipway.config.ConfigException;
import dev.slipway.config.ConfigLoader;
import dev.slipway.config.SlipwayConfig;
import dev.slipway.db.Environment;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads {@code slipway.toml} for commands that need its settings but no database ({@code lint}), or need one of them
 * before connecting ({@code plan}'s {@code fail_on}): the file named by {@code --config}, which must exist, else
 * {@code ./slipway.toml} when there is one, else the defaults. Checked as completely as for every other command.
 */
final class ProjectConfig {
    private ProjectConfig() {
    }

    /** {@return the configuration the global options point at, with the {@code SLIPWAY_*} variables applied} */
    static SlipwayConfig load(GlobalOptions options) {
        Path file = options.config != null ? options.config : Path.of("slipway.toml");
        if (options.config != null && !Files.isRegularFile(file)) {
            throw SlipwayException.badInput("configuration file not found: " + file, "--config",
                    "check the path, or leave --config out to use ./slipway.toml when it exists");
        }
        try {
            return ConfigLoader.load(file, Environment.system());
        } catch (ConfigException e) {
            throw SlipwayException.badInput(e.getMessage(), file.toString(), "fix " + file);
        }
    }
}
