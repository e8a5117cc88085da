package dev.slipway.config;

import java.util.List;

/**
 * The {@code [migrations]} section: where migration files are and where the history table lives.
 *
 * @param locations directories (or {@code classpath:} locations) to read migrations from, in order
 * @param historySchema the schema of Slipway's history table
 * @param outOfOrder whether a pending version older than the newest applied one may run
 */
public record MigrationsConfig(List<String> locations, String historySchema, boolean outOfOrder) {
    /** The default location. */
    public static final String DEFAULT_LOCATION = "db/migration";
    /** The default history schema. */
    public static final String DEFAULT_HISTORY_SCHEMA = "public";

    /** Checks that there is at least one location and a schema name. */
    public MigrationsConfig {
        locations = List.copyOf(locations);
        if (locations.isEmpty()) throw new ConfigException("migrations.locations is empty; give at least one");
        if (locations.stream().anyMatch(String::isBlank)) {
            throw new ConfigException("migrations.locations contains an empty location");
        }
        if (historySchema == null || historySchema.isBlank()) {
            throw new ConfigException("migrations.history_schema is empty");
        }
    }

    /** {@return the defaults: {@code db/migration}, schema {@code public}, in order only} */
    public static MigrationsConfig defaults() {
        return new MigrationsConfig(List.of(DEFAULT_LOCATION), DEFAULT_HISTORY_SCHEMA, false);
    }

    /** {@return a copy with other locations} */
    public MigrationsConfig withLocations(List<String> newLocations) {
        return new MigrationsConfig(newLocations, historySchema, outOfOrder);
    }

    /** {@return a copy with another history schema} */
    public MigrationsConfig withHistorySchema(String newHistorySchema) {
        return new MigrationsConfig(locations, newHistorySchema, outOfOrder);
    }

    /** {@return a copy that does or does not allow out-of-order versions} */
    public MigrationsConfig withOutOfOrder(boolean newOutOfOrder) {
        return new MigrationsConfig(locations, historySchema, newOutOfOrder);
    }
}
