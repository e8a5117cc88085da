package dev.slipway.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What {@code deploy} does to an environment when a step fails after the database was touched. */
public enum RollbackPolicy {
    /** Run the down migrations of what this deploy applied. */
    DOWNGRADE,
    /** Restore the backup taken before the deploy. */
    RESTORE,
    /** Leave the database as the failure left it and say so. */
    NONE;

    /** {@return the policy named {@code text} in any case, e.g. {@code restore}} */
    public static RollbackPolicy parse(String text) {
        for (RollbackPolicy policy : values()) {
            if (policy.configName().equals(text.strip().toLowerCase(Locale.ROOT))) return policy;
        }
        throw new ConfigException("invalid rollback policy '" + text + "'; expected one of "
                + Arrays.stream(values()).map(RollbackPolicy::configName).collect(Collectors.joining(", ")));
    }

    /** {@return the name in {@code slipway.toml}, e.g. {@code restore}} */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
