package dev.slipway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.toml.TomlStreamReadException;
import dev.slipway.db.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code slipway.toml} into a {@link SlipwayConfig}: checks every key (a typo fails, with a suggestion,
 * rather than silently leaving a default), expands {@code ${VAR}} in strings, then applies the {@code SLIPWAY_*}
 * variables on top. Stateless and thread-safe.
 */
public final class ConfigLoader {
    private static final List<String> SECTIONS = List.of("migrations", "safety", "environments", "backup",
            "verify", "lint");
    private static final List<String> MIGRATIONS_KEYS = List.of("locations", "history_schema", "out_of_order",
            "placeholders");
    private static final List<String> SAFETY_KEYS = List.of("lock_timeout", "lock_retries", "statement_timeout",
            "max_blocking", "lock_wait", "concurrent_index_timeout");
    private static final List<String> ENVIRONMENT_KEYS = List.of("url", "protected", "rollback", "hooks");
    private static final List<String> HOOKS_KEYS = List.of("before", "after", "timeout");
    private static final List<String> BACKUP_KEYS = List.of("directory", "keep", "command", "format", "bin_dir");
    private static final List<String> LINT_KEYS = List.of("fail_on");
    private static final List<String> VERIFY_KEYS = List.of("checks_directory", "snapshot_directory",
            "logical_foreign_keys", "row_count_tolerance", "statement_timeout");

    private ConfigLoader() {
    }

    /** Built when a file is read, not when the class loads: a mapper takes a good part of a second to build cold. */
    private static final class Toml {
        static final TomlMapper MAPPER = new TomlMapper();
    }

    /**
     * {@return the configuration in {@code file} with the {@code SLIPWAY_*} variables of {@code env} applied}
     *
     * @param file the configuration file; when it does not exist (or is null) the defaults apply
     * @throws ConfigException naming file, line and key for a syntax error, an unknown key, a bad value or an
     *     unset variable, and naming the variable for a bad {@code SLIPWAY_*} value
     */
    public static SlipwayConfig load(Path file, Environment env) {
        SlipwayConfig config = file != null && Files.exists(file) ? read(file, env) : SlipwayConfig.defaults();
        return SlipwayVariables.apply(config, env);
    }

    private static SlipwayConfig read(Path file, Environment env) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("could not read " + file + ": " + e.getMessage(), e);
        }
        TomlTable root = TomlTable.root(new ConfigFile(file, TomlLines.scan(text), env), parse(file, text));
        root.requireOnly(SECTIONS);
        MigrationsConfig migrations = root.table("migrations").map(ConfigLoader::migrations)
                .orElse(MigrationsConfig.defaults());
        SafetyConfig safety = root.table("safety").map(ConfigLoader::safety).orElse(SafetyConfig.defaults());
        Map<String, EnvironmentConfig> environments = new LinkedHashMap<>();
        root.table("environments").ifPresent(table -> environments(table)
                .forEach(environment -> environments.put(environment.name(), environment)));
        BackupConfig backup = root.table("backup").map(ConfigLoader::backup).orElse(BackupConfig.defaults());
        VerifyConfig verify = root.table("verify").map(ConfigLoader::verify).orElse(VerifyConfig.defaults());
        LintConfig lint = root.table("lint").map(ConfigLoader::lint).orElse(LintConfig.defaults());
        return new SlipwayConfig(file, migrations, safety, environments, backup, verify, lint);
    }

    private static ObjectNode parse(Path file, String text) {
        try {
            JsonNode tree = Toml.MAPPER.readTree(text);
            return tree instanceof ObjectNode object ? object : Toml.MAPPER.createObjectNode();
        } catch (TomlStreamReadException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new ConfigException(file + where + ": TOML syntax error: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("could not parse " + file + ": " + e.getMessage(), e);
        }
    }

    private static MigrationsConfig migrations(TomlTable table) {
        table.requireOnly(MIGRATIONS_KEYS);
        MigrationsConfig defaults = MigrationsConfig.defaults();
        List<String> locations = table.strings("locations").orElse(defaults.locations());
        String historySchema = table.string("history_schema").orElse(defaults.historySchema());
        boolean outOfOrder = table.bool("out_of_order").orElse(defaults.outOfOrder());
        Map<String, String> placeholders = new LinkedHashMap<>();
        table.table("placeholders").ifPresent(values -> values.keys().forEach(name -> placeholders.put(name,
                values.string(name).orElseThrow())));
        return table.build(() -> new MigrationsConfig(locations, historySchema, outOfOrder, placeholders));
    }

    private static SafetyConfig safety(TomlTable table) {
        table.requireOnly(SAFETY_KEYS);
        SafetyConfig defaults = SafetyConfig.defaults();
        Duration lockTimeout = table.duration("lock_timeout").orElse(defaults.lockTimeout());
        int lockRetries = table.integer("lock_retries", 0, 1000).orElse(defaults.lockRetries());
        Duration statementTimeout = table.duration("statement_timeout").orElse(defaults.statementTimeout());
        Duration maxBlocking = table.duration("max_blocking").orElse(defaults.maxBlocking());
        Duration lockWait = table.duration("lock_wait").orElse(defaults.lockWait());
        Duration indexTimeout = table.duration("concurrent_index_timeout").orElse(defaults.concurrentIndexTimeout());
        return table.build(() -> new SafetyConfig(lockTimeout, lockRetries, statementTimeout, maxBlocking, lockWait,
                indexTimeout));
    }

    private static BackupConfig backup(TomlTable table) {
        table.requireOnly(BACKUP_KEYS);
        BackupConfig defaults = BackupConfig.defaults();
        Path directory = table.string("directory").map(Path::of).orElse(defaults.directory());
        int keep = table.integer("keep", 0, 100_000).orElse(defaults.keep());
        Optional<String> command = table.string("command");
        BackupFormat format = table.string("format").map(text -> table.at("format", () -> BackupFormat.parse(text)))
                .orElse(defaults.format());
        Optional<Path> binDir = table.string("bin_dir").map(Path::of);
        return table.build(() -> new BackupConfig(directory, keep, command, format, binDir));
    }

    private static LintConfig lint(TomlTable table) {
        table.requireOnly(LINT_KEYS);
        return table.string("fail_on").map(text -> new LintConfig(table.at("fail_on", () -> FailOn.parse(text))))
                .orElse(LintConfig.defaults());
    }

    private static VerifyConfig verify(TomlTable table) {
        table.requireOnly(VERIFY_KEYS);
        VerifyConfig verify = VerifyConfig.defaults();
        Optional<Path> checks = table.string("checks_directory").map(Path::of);
        if (checks.isPresent()) verify = verify.withChecksDirectory(checks.get());
        Path snapshots = table.string("snapshot_directory").map(Path::of).orElse(verify.snapshotDirectory());
        List<LogicalForeignKey> keys = table.strings("logical_foreign_keys").map(texts -> texts.stream()
                .map(text -> table.at("logical_foreign_keys", () -> LogicalForeignKey.parse(text))).toList())
                .orElse(List.of());
        RowCountTolerance tolerance = table.string("row_count_tolerance")
                .map(text -> table.at("row_count_tolerance", () -> RowCountTolerance.parse(text)))
                .orElse(verify.rowCountTolerance());
        Duration timeout = table.duration("statement_timeout").orElse(verify.statementTimeout());
        VerifyConfig checked = verify;
        return table.build(() -> checked.withSnapshotDirectory(snapshots).withLogicalForeignKeys(keys)
                .withRowCountTolerance(tolerance).withStatementTimeout(timeout));
    }

    private static List<EnvironmentConfig> environments(TomlTable table) {
        for (String key : table.keys()) {
            if (!table.isTable(key)) {
                throw table.problem(key, "[environments] holds one table per environment, not "
                        + table.pathOf(key) + "; write [environments.NAME] and put " + key + " under it");
            }
        }
        return table.tables().entrySet().stream().map(entry -> environment(entry.getKey(), entry.getValue()))
                .toList();
    }

    private static EnvironmentConfig environment(String name, TomlTable section) {
        section.requireOnly(ENVIRONMENT_KEYS);
        TomlTable table = section.deferringUnsetVariables();
        EnvironmentConfig environment = EnvironmentConfig.named(name);
        String url = table.string("url").orElse(null);
        Optional<ConfigException> unset = table.firstUnsetVariable();
        if (url != null && url.isBlank() && unset.isEmpty()) {
            throw table.problem("url", table.pathOf("url") + " is empty; remove it to connect with the PG* variables");
        }
        RollbackPolicy rollback = table.string("rollback")
                .map(text -> table.at("rollback", () -> RollbackPolicy.parse(text)))
                .orElse(environment.rollback());
        Optional<TomlTable> hooks = table.table("hooks");
        hooks.ifPresent(hooksTable -> hooksTable.requireOnly(HOOKS_KEYS));
        List<String> before = hooks.flatMap(hooksTable -> hooksTable.strings("before")).orElse(List.of());
        List<String> after = hooks.flatMap(hooksTable -> hooksTable.strings("after")).orElse(List.of());
        Duration hooksTimeout = hooks.flatMap(hooksTable -> hooksTable.duration("timeout"))
                .orElse(EnvironmentConfig.DEFAULT_HOOKS_TIMEOUT);
        if (hooksTimeout.isZero() || hooksTimeout.isNegative()) {
            throw hooks.get().problem("timeout", hooks.get().pathOf("timeout") + " must be more than 0");
        }
        EnvironmentConfig read = new EnvironmentConfig(name, url, table.bool("protected").orElse(false),
                rollback, before, after).withHooksTimeout(hooksTimeout);
        return table.firstUnsetVariable().map(problem -> read.unusable(problem.getMessage())).orElse(read);
    }
}
