package dev.slipway.config;

import dev.slipway.db.Environment;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Applies {@code SLIPWAY_*} environment variables over the file's values, for CI and containers where editing
 * the file is awkward. An empty variable counts as unset. Stateless.
 */
final class SlipwayVariables {
    private static final String PLACEHOLDER_PREFIX = "SLIPWAY_PLACEHOLDERS_";

    private SlipwayVariables() {
    }

    /** {@return {@code config} with every set {@code SLIPWAY_*} variable applied} */
    static SlipwayConfig apply(SlipwayConfig config, Environment env) {
        MigrationsConfig migrations = config.migrations();
        migrations = read(env, "SLIPWAY_LOCATIONS", SlipwayVariables::locations).map(migrations::withLocations)
                .orElse(migrations);
        migrations = read(env, "SLIPWAY_HISTORY_SCHEMA", Function.identity()).map(migrations::withHistorySchema)
                .orElse(migrations);
        migrations = read(env, "SLIPWAY_OUT_OF_ORDER", SlipwayVariables::bool).map(migrations::withOutOfOrder)
                .orElse(migrations);
        migrations = migrations.withPlaceholders(placeholders(env));

        SafetyConfig safety = config.safety();
        safety = read(env, "SLIPWAY_LOCK_TIMEOUT", Durations::parse).map(safety::withLockTimeout).orElse(safety);
        safety = read(env, "SLIPWAY_LOCK_RETRIES", SlipwayVariables::retries).map(safety::withLockRetries)
                .orElse(safety);
        safety = read(env, "SLIPWAY_STATEMENT_TIMEOUT", Durations::parse).map(safety::withStatementTimeout)
                .orElse(safety);
        safety = read(env, "SLIPWAY_MAX_BLOCKING", Durations::parse).map(safety::withMaxBlocking).orElse(safety);
        safety = read(env, "SLIPWAY_LOCK_WAIT", Durations::parse).map(safety::withLockWait).orElse(safety);
        safety = read(env, "SLIPWAY_CONCURRENT_INDEX_TIMEOUT", Durations::parse)
                .map(safety::withConcurrentIndexTimeout).orElse(safety);
        LintConfig lint = config.lint();
        lint = read(env, "SLIPWAY_FAIL_ON", FailOn::parse).map(lint::withFailOn).orElse(lint);
        return config.withMigrations(migrations).withSafety(safety).withBackup(backup(config.backup(), env))
                .withLint(lint);
    }

    /**
     * {@return the placeholders {@code SLIPWAY_PLACEHOLDERS_<NAME>} variables define, as Flyway's
     * {@code FLYWAY_PLACEHOLDERS_<NAME>} do: the name is the rest of the variable's name in lower case}
     */
    private static Map<String, String> placeholders(Environment env) {
        Map<String, String> placeholders = new TreeMap<>();
        env.variables().forEach((variable, value) -> {
            if (variable.startsWith(PLACEHOLDER_PREFIX) && variable.length() > PLACEHOLDER_PREFIX.length()
                    && !value.isEmpty()) {
                placeholders.put(variable.substring(PLACEHOLDER_PREFIX.length()).toLowerCase(Locale.ROOT), value);
            }
        });
        return placeholders;
    }

    /** The command before the format, so {@code SLIPWAY_BACKUP_FORMAT=none} may come with its command. */
    private static BackupConfig backup(BackupConfig backup, Environment env) {
        backup = read(env, "SLIPWAY_BACKUP_DIRECTORY", Path::of).map(backup::withDirectory).orElse(backup);
        backup = read(env, "SLIPWAY_BACKUP_KEEP", SlipwayVariables::keep).map(backup::withKeep).orElse(backup);
        backup = read(env, "SLIPWAY_BACKUP_COMMAND", Function.identity()).map(backup::withCommand).orElse(backup);
        backup = read(env, "SLIPWAY_BACKUP_FORMAT", BackupFormat::parse).map(backup::withFormat).orElse(backup);
        return read(env, "SLIPWAY_BACKUP_BIN_DIR", Path::of).map(backup::withBinDir).orElse(backup);
    }

    private static <T> Optional<T> read(Environment env, String name, Function<String, T> parse) {
        Optional<String> value = env.variable(name);
        try {
            return value.map(parse);
        } catch (ConfigException e) {
            throw ConfigException.inVariable(name, e.getMessage(), e);
        }
    }

    private static List<String> locations(String text) {
        List<String> locations = Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (locations.isEmpty()) throw new ConfigException("no location in '" + text + "'");
        return locations;
    }

    private static boolean bool(String text) {
        return switch (text.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException("invalid value '" + text + "'; expected true or false");
        };
    }

    private static int keep(String text) {
        if (!text.strip().matches("\\d{1,6}")) {
            throw new ConfigException("invalid value '" + text + "'; expected a whole number (0 keeps every backup)");
        }
        return Integer.parseInt(text.strip());
    }

    private static int retries(String text) {
        if (!text.strip().matches("\\d{1,4}")) {
            throw new ConfigException("invalid value '" + text + "'; expected a whole number from 0 to 1000");
        }
        int retries = Integer.parseInt(text.strip());
        if (retries > 1000) throw new ConfigException("invalid value '" + text + "'; expected at most 1000");
        return retries;
    }
}
