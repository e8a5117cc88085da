package dev.slipway.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code [migrations]} section: where migration files are and where the history table lives.
 *
 * @param locations directories (or {@code classpath:} locations) to read migrations from, in order
 * @param historySchema the schema of Slipway's history table
 * @param outOfOrder whether a pending version older than the newest applied one may run
 * @param placeholders the values of Flyway-style {@code ${name}} placeholders in scripts, by name; none: scripts run
 *                     as written
 */
public record MigrationsConfig(List<String> locations, String historySchema, boolean outOfOrder,
        Map<String, String> placeholders) {
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
        placeholders = Collections.unmodifiableMap(new TreeMap<>(placeholders));
        for (String name : placeholders.keySet()) {
            // written ${name} in a script: a name with a brace or a space could not be
            if (name.isEmpty() || name.chars().anyMatch(c -> c == '{' || c == '}' || Character.isWhitespace(c))) {
                throw new ConfigException("migrations.placeholders: '" + name + "' cannot be a placeholder's name"
                        + " (empty, or holding a brace or a space)");
            }
        }
    }

    /** Without placeholders. */
    public MigrationsConfig(List<String> locations, String historySchema, boolean outOfOrder) {
        this(locations, historySchema, outOfOrder, Map.of());
    }

    /** {@return the defaults: {@code db/migration}, schema {@code public}, in order only} */
    public static MigrationsConfig defaults() {
        return new MigrationsConfig(List.of(DEFAULT_LOCATION), DEFAULT_HISTORY_SCHEMA, false);
    }

    /** {@return a copy with other locations} */
    public MigrationsConfig withLocations(List<String> newLocations) {
        return new MigrationsConfig(newLocations, historySchema, outOfOrder, placeholders);
    }

    /** {@return a copy with another history schema} */
    public MigrationsConfig withHistorySchema(String newHistorySchema) {
        return new MigrationsConfig(locations, newHistorySchema, outOfOrder, placeholders);
    }

    /** {@return a copy that does or does not allow out-of-order versions} */
    public MigrationsConfig withOutOfOrder(boolean newOutOfOrder) {
        return new MigrationsConfig(locations, historySchema, newOutOfOrder, placeholders);
    }

    /** {@return a copy with {@code more} placeholders, whose values win over those of the same name} */
    public MigrationsConfig withPlaceholders(Map<String, String> more) {
        Map<String, String> merged = new TreeMap<>(placeholders);
        merged.putAll(more);
        return new MigrationsConfig(locations, historySchema, outOfOrder, merged);
    }
}
