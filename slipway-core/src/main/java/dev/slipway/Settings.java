package dev.slipway;

import dev.slipway.apply.ApplyListener;
import dev.slipway.apply.ApplyOptions;
import dev.slipway.config.BackupConfig;
import dev.slipway.config.EnvironmentConfig;
import dev.slipway.config.VerifyConfig;
import java.util.List;
import java.util.Optional;

/**
 * Everything a {@link Slipway} instance runs with, resolved once by {@link SlipwayBuilder}.
 *
 * @param connection  where to connect, if anywhere ({@code validate} works without)
 * @param locations   where migrations are found ({@code db/migration}, {@code classpath:db/migration}, ...)
 * @param classLoader the class loader for class path locations and Java migrations
 * @param apply       how migrations are applied
 * @param listener    who hears about progress
 * @param environment the environment of slipway.toml in use, if any
 * @param backup      where backups go and how they are made
 * @param verify      what {@code verify} checks beyond the revision: smoke checks, logical foreign keys, row counts
 */
public record Settings(Optional<Slipway.ConnectionSource> connection, List<String> locations,
        ClassLoader classLoader, ApplyOptions apply, ApplyListener listener, Optional<EnvironmentConfig> environment,
        BackupConfig backup, VerifyConfig verify) {
    public Settings {
        locations = List.copyOf(locations);
    }

    /** Settings with the default {@code [verify]} section. */
    public Settings(Optional<Slipway.ConnectionSource> connection, List<String> locations, ClassLoader classLoader,
            ApplyOptions apply, ApplyListener listener, Optional<EnvironmentConfig> environment, BackupConfig backup) {
        this(connection, locations, classLoader, apply, listener, environment, backup, VerifyConfig.defaults());
    }

    /** Settings with the default {@code [backup]} section. */
    public Settings(Optional<Slipway.ConnectionSource> connection, List<String> locations, ClassLoader classLoader,
            ApplyOptions apply, ApplyListener listener, Optional<EnvironmentConfig> environment) {
        this(connection, locations, classLoader, apply, listener, environment, BackupConfig.defaults());
    }
}
