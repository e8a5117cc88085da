package dev.slipway;

import dev.slipway.apply.ApplyListener;
import dev.slipway.apply.ApplyOptions;
import dev.slipway.config.BackupConfig;
import dev.slipway.config.ConfigException;
import dev.slipway.history.Actor;
import dev.slipway.config.ConfigLoader;
import dev.slipway.config.EnvironmentConfig;
import dev.slipway.config.SafetyConfig;
import dev.slipway.config.SlipwayConfig;
import dev.slipway.config.VerifyConfig;
import dev.slipway.db.ConnectionFactory;
import dev.slipway.db.ConnectionSpec;
import dev.slipway.db.ConnectionSpecException;
import dev.slipway.db.Environment;
import dev.slipway.migration.Location;
import dev.slipway.migration.MigrationException;
import dev.slipway.migration.MigrationScanner;
import dev.slipway.migration.Placeholders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Collects settings for a {@link Slipway}; {@link #load()} scans the migrations and returns the immutable instance.
 * <p>Not thread-safe; use one builder on one thread.
 */
public final class SlipwayBuilder {
    private static final List<String> PG_VARIABLES = List.of("PGHOST", "PGPORT", "PGDATABASE", "PGUSER",
            "PGPASSWORD");

    private Slipway.ConnectionSource connection;
    private List<String> locations = List.of("db/migration");
    private final Map<String, String> placeholders = new TreeMap<>();
    private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
    private ApplyOptions apply = ApplyOptions.defaults();
    private ApplyListener listener = ApplyListener.NONE;
    private EnvironmentConfig environment;
    private BackupConfig backup = BackupConfig.defaults();
    private VerifyConfig verify = VerifyConfig.defaults();

    SlipwayBuilder() {
    }

    /** Connects through a data source, e.g. the application's pool. */
    public SlipwayBuilder dataSource(DataSource dataSource) {
        ConnectionFactory factory = ConnectionFactory.of(dataSource, "the given data source");
        this.connection = source(factory, "the given data source");
        return this;
    }

    /**
     * Connects with a libpq URI ({@code postgresql://user:pass@host:5432/db?sslmode=require}), a JDBC URL or a
     * keyword/value string; what it leaves out comes from PG* variables and {@code ~/.pgpass}.
     */
    public SlipwayBuilder url(String url) {
        return url(url, Environment.system());
    }

    /** As {@link #url(String)}, with PG* variables and the password file read from {@code environment}. */
    public SlipwayBuilder url(String url, Environment environment) {
        try {
            ConnectionSpec spec = ConnectionSpec.resolve(url, environment);
            this.connection = source(ConnectionFactory.of(spec, applicationName()), spec.redacted());
        } catch (ConnectionSpecException e) {
            throw SlipwayException.badInput(e.getMessage(), "--url", "pass a URL such as"
                    + " postgresql://user@host:5432/db");
        }
        return this;
    }

    /** Where migrations are: folders ({@code db/migration}), {@code classpath:} locations, or Java class folders. */
    public SlipwayBuilder locations(String... locations) {
        this.locations = List.copyOf(Arrays.asList(locations));
        return this;
    }

    /** The class loader for {@code classpath:} locations and Java migrations. */
    public SlipwayBuilder classLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
        return this;
    }

    /** Takes locations and safety settings from a loaded {@code slipway.toml}. */
    public SlipwayBuilder config(SlipwayConfig config) {
        this.locations = config.migrations().locations();
        this.placeholders.putAll(config.migrations().placeholders());
        SafetyConfig safety = config.safety();
        this.apply = apply.withHistorySchema(config.migrations().historySchema())
                .withOutOfOrder(config.migrations().outOfOrder())
                .withLockTimeout(safety.lockTimeout())
                .withLockRetries(safety.lockRetries())
                .withStatementTimeout(safety.statementTimeout())
                .withLockWait(safety.lockWait())
                .withConcurrentIndexTimeout(safety.concurrentIndexTimeout())
                .withMaxBlocking(safety.maxBlocking());
        this.backup = config.backup();
        // checks and snapshots belong to the project: found next to slipway.toml whatever the working directory
        Path base = config.source() == null ? null : config.source().toAbsolutePath().getParent();
        this.verify = config.verify().resolvedAgainst(base);
        return this;
    }

    /**
     * Reads a project's settings: {@code slipway.toml} if present (required when {@code mustExist}), then the
     * connection of environment {@code environmentName} from it, or else {@code DATABASE_URL}, or else PG* variables
     * when any is set. Flags applied afterwards override all of it.
     */
    public SlipwayBuilder project(Path configFile, boolean mustExist, String environmentName, Environment environment) {
        return project(readConfig(configFile, mustExist, environment), environmentName, environment);
    }

    /**
     * {@return {@code slipway.toml} with the {@code SLIPWAY_*} variables applied, or the defaults when the file does
     * not exist and need not}
     * For callers that need the settings before (or without) a database, such as {@code lint}; hand the result to
     * {@link #project(SlipwayConfig, String, Environment)} rather than reading the file twice.
     *
     * @throws SlipwayException with {@link ExitStatus#USAGE} naming the file and line, or the variable, at fault
     */
    public static SlipwayConfig readConfig(Path configFile, boolean mustExist, Environment environment) {
        if (mustExist && !Files.isRegularFile(configFile)) {
            throw SlipwayException.badInput("configuration file not found: " + configFile, "--config",
                    "check the path, or leave --config out to use ./slipway.toml when it exists");
        }
        try {
            return ConfigLoader.load(configFile, environment);
        } catch (ConfigException e) {
            String where = e.variable().orElse(configFile.toString());
            throw SlipwayException.badInput(e.getMessage(), where, e.variable()
                    .map(variable -> "fix or unset " + variable).orElse("fix " + configFile));
        }
    }

    /** As {@link #project(Path, boolean, String, Environment)}, with the configuration already read. */
    public SlipwayBuilder project(SlipwayConfig config, String environmentName, Environment environment) {
        Path configFile = config.source() != null ? config.source() : Path.of("slipway.toml");
        config(config);
        Map<String, String> variables = environment.variables();
        if (environmentName != null) {
            EnvironmentConfig target;
            try {
                target = config.environment(environmentName);
            } catch (ConfigException e) {
                throw SlipwayException.badInput(e.getMessage(), configFile.toString(),
                        "add [environments." + environmentName + "] to " + configFile + " or pick a listed one");
            }
            try {
                target.requireUsable();
            } catch (ConfigException e) {
                throw SlipwayException.badInput(e.getMessage(), configFile.toString(),
                        "set the variable, or give it a fallback: ${NAME:-default}");
            }
            if (target.url() == null || target.url().isBlank()) {
                throw SlipwayException.badInput("environment " + environmentName + " has no url",
                        configFile.toString(),
                        "add url = \"${DATABASE_URL}\" to [environments." + environmentName + "]");
            }
            url(target.url(), environment);
            this.environment = target;
        } else if (variables.get("DATABASE_URL") != null && !variables.get("DATABASE_URL").isBlank()) {
            url(variables.get("DATABASE_URL"), environment);
        } else if (PG_VARIABLES.stream().anyMatch(variables::containsKey)) {
            url(null, environment);
        }
        return this;
    }

    /** Replaces all apply options at once. */
    public SlipwayBuilder applyOptions(ApplyOptions options) {
        this.apply = options;
        return this;
    }

    /**
     * The value of a Flyway-style placeholder: {@code ${name}} in a script is replaced by {@code value} before it is
     * planned or run. With at least one placeholder defined, every {@code ${...}} in a script must have a value.
     */
    public SlipwayBuilder placeholder(String name, String value) {
        placeholders.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** The schema of the history tables (default {@code public}). */
    public SlipwayBuilder historySchema(String schema) {
        this.apply = apply.withHistorySchema(schema);
        return this;
    }

    /** {@code lock_timeout} of each statement (default 3 s). */
    public SlipwayBuilder lockTimeout(Duration timeout) {
        this.apply = apply.withLockTimeout(timeout);
        return this;
    }

    /** How often a lock timeout is retried (default 5). */
    public SlipwayBuilder lockRetries(int retries) {
        this.apply = apply.withLockRetries(retries);
        return this;
    }

    /**
     * How long another session may wait behind a migration's statement before the statement is cancelled and
     * retried (default 1 s; zero for no limit).
     */
    public SlipwayBuilder maxBlocking(Duration limit) {
        this.apply = apply.withMaxBlocking(limit);
        return this;
    }

    /** {@code statement_timeout} of each statement (default none). */
    public SlipwayBuilder statementTimeout(Duration timeout) {
        this.apply = apply.withStatementTimeout(timeout);
        return this;
    }

    /** How long to wait for another runner's lock (default 60 s). */
    public SlipwayBuilder lockWait(Duration wait) {
        this.apply = apply.withLockWait(wait);
        return this;
    }

    /** Whether pending versions older than the newest applied one may run. */
    public SlipwayBuilder outOfOrder(boolean allowed) {
        this.apply = apply.withOutOfOrder(allowed);
        return this;
    }

    /** Where backups go and how they are made (default: the {@code [backup]} section's defaults). */
    public SlipwayBuilder backup(BackupConfig config) {
        this.backup = config;
        return this;
    }

    /** The folder backups are written to and restored from (default {@code backups}). */
    public SlipwayBuilder backupDirectory(Path directory) {
        this.backup = backup.withDirectory(directory);
        return this;
    }

    /** What {@code verify} checks beyond the revision (default: the {@code [verify]} section's defaults). */
    public SlipwayBuilder verify(VerifyConfig config) {
        this.verify = config;
        return this;
    }

    /** Who hears about progress (default nobody). */
    public SlipwayBuilder listener(ApplyListener listener) {
        this.listener = listener;
        return this;
    }

    /**
     * Checks the locations and returns the configured instance. The files in them are read when a method first
     * needs the migrations: backups, restores and listings never do, so a large or broken migrations folder neither
     * slows nor stops them. A failure to read them is thrown by that first method.
     *
     * @throws SlipwayException with {@link ExitStatus#USAGE} when a location is malformed
     */
    public Slipway load() {
        List<Location> parsed = new ArrayList<>();
        for (String location : locations) {
            try {
                parsed.add(Location.parse(location));
            } catch (IllegalArgumentException | MigrationException e) {
                throw SlipwayException.badInput(e.getMessage(), "locations", "give folders such as db/migration"
                        + " or classpath:db/migration");
            }
        }
        ClassLoader loader = classLoader;
        if (parsed.stream().anyMatch(Location.Classes.class::isInstance)) {
            // lives as long as the instance: Java migrations are loaded from it when they run
            loader = MigrationScanner.classLoaderFor(parsed, classLoader);
        }
        ClassLoader scanLoader = loader;
        Placeholders values;
        try {
            values = new Placeholders(placeholders);
        } catch (IllegalArgumentException e) {
            throw SlipwayException.badInput(e.getMessage(), "placeholders", "name placeholders as they are written"
                    + " in the scripts, without ${ and }");
        }
        List<String> named = List.copyOf(locations);
        Settings settings = new Settings(Optional.ofNullable(connection), locations, loader, apply, listener,
                Optional.ofNullable(environment), backup, verify);
        return new Slipway(settings, () -> {
            try {
                return MigrationScanner.scan(parsed, scanLoader, values);
            } catch (MigrationException e) {
                throw SlipwayException.badInput(e.getMessage(), String.join(",", named),
                        "check --locations (or [migrations] locations in slipway.toml)");
            }
        });
    }

    /** {@code slipway@<host>}, so a waiting runner can say which host holds the runner lock. */
    private static String applicationName() {
        String name = "slipway@" + Actor.current().host();
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    private static Slipway.ConnectionSource source(ConnectionFactory factory, String description) {
        return new Slipway.ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                return factory.open();
            }

            @Override
            public String describe() {
                return description;
            }

            @Override
            public Optional<ConnectionSpec> spec() {
                return factory.spec();
            }
        };
    }
}
