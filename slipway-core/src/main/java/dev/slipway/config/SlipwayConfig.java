package dev.slipway.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@code slipway.toml} and the {@code SLIPWAY_*} variables said, resolved once.
 *
 * @param source the file it was read from; null when there was none and the defaults apply
 * @param migrations the {@code [migrations]} section
 * @param safety the {@code [safety]} section
 * @param environments the {@code [environments.NAME]} sections by name, in file order
 * @param backup the {@code [backup]} section
 * @param verify the {@code [verify]} section
 * @param lint the {@code [lint]} section
 */
public record SlipwayConfig(Path source, MigrationsConfig migrations, SafetyConfig safety,
                            Map<String, EnvironmentConfig> environments, BackupConfig backup, VerifyConfig verify,
                            LintConfig lint) {
    /** Checks that the sections are present and every environment is filed under its own name. */
    public SlipwayConfig {
        Objects.requireNonNull(migrations, "migrations");
        Objects.requireNonNull(safety, "safety");
        Objects.requireNonNull(backup, "backup");
        Objects.requireNonNull(verify, "verify");
        Objects.requireNonNull(lint, "lint");
        environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
        environments.forEach((name, environment) -> {
            if (!name.equals(environment.name())) {
                throw new ConfigException("environment " + environment.name() + " is filed as " + name);
            }
        });
    }

    /** A configuration with the default {@code [lint]} section. */
    public SlipwayConfig(Path source, MigrationsConfig migrations, SafetyConfig safety,
                         Map<String, EnvironmentConfig> environments, BackupConfig backup, VerifyConfig verify) {
        this(source, migrations, safety, environments, backup, verify, LintConfig.defaults());
    }

    /** A configuration with the default {@code [verify]} and {@code [lint]} sections. */
    public SlipwayConfig(Path source, MigrationsConfig migrations, SafetyConfig safety,
                         Map<String, EnvironmentConfig> environments, BackupConfig backup) {
        this(source, migrations, safety, environments, backup, VerifyConfig.defaults());
    }

    /** A configuration with the default {@code [backup]}, {@code [verify]} and {@code [lint]} sections. */
    public SlipwayConfig(Path source, MigrationsConfig migrations, SafetyConfig safety,
                         Map<String, EnvironmentConfig> environments) {
        this(source, migrations, safety, environments, BackupConfig.defaults());
    }

    /** {@return the configuration when there is no file: defaults everywhere, no environments} */
    public static SlipwayConfig defaults() {
        return new SlipwayConfig(null, MigrationsConfig.defaults(), SafetyConfig.defaults(), Map.of());
    }

    /**
     * {@return the environment called {@code name}}
     *
     * @throws ConfigException listing the known environments when there is none of that name
     */
    public EnvironmentConfig environment(String name) {
        EnvironmentConfig environment = environments.get(name);
        if (environment != null) return environment;
        String where = source == null ? "no configuration file was found" : source + " defines";
        if (environments.isEmpty()) {
            throw new ConfigException("unknown environment '" + name + "': " + where
                    + (source == null ? "" : " no environments") + "; add an [environments." + name + "] section");
        }
        throw new ConfigException("unknown environment '" + name + "'; " + where + " "
                + String.join(", ", environments.keySet()));
    }

    /** {@return a copy read from another file (null for none)} */
    public SlipwayConfig withSource(Path newSource) {
        return new SlipwayConfig(newSource, migrations, safety, environments, backup, verify, lint);
    }

    /** {@return a copy with another {@code [migrations]} section} */
    public SlipwayConfig withMigrations(MigrationsConfig newMigrations) {
        return new SlipwayConfig(source, newMigrations, safety, environments, backup, verify, lint);
    }

    /** {@return a copy with another {@code [safety]} section} */
    public SlipwayConfig withSafety(SafetyConfig newSafety) {
        return new SlipwayConfig(source, migrations, newSafety, environments, backup, verify, lint);
    }

    /** {@return a copy with other environments} */
    public SlipwayConfig withEnvironments(Map<String, EnvironmentConfig> newEnvironments) {
        return new SlipwayConfig(source, migrations, safety, newEnvironments, backup, verify, lint);
    }

    /** {@return a copy with {@code environment} added, or replacing the one of the same name} */
    public SlipwayConfig withEnvironment(EnvironmentConfig environment) {
        Map<String, EnvironmentConfig> copy = new LinkedHashMap<>(environments);
        copy.put(environment.name(), environment);
        return new SlipwayConfig(source, migrations, safety, copy, backup, verify, lint);
    }

    /** {@return a copy with another {@code [backup]} section} */
    public SlipwayConfig withBackup(BackupConfig newBackup) {
        return new SlipwayConfig(source, migrations, safety, environments, newBackup, verify, lint);
    }

    /** {@return a copy with another {@code [verify]} section} */
    public SlipwayConfig withVerify(VerifyConfig newVerify) {
        return new SlipwayConfig(source, migrations, safety, environments, backup, newVerify, lint);
    }

    /** {@return a copy with another {@code [lint]} section} */
    public SlipwayConfig withLint(LintConfig newLint) {
        return new SlipwayConfig(source, migrations, safety, environments, backup, verify, newLint);
    }
}
