package dev.slipway.config;

import java.util.Locale;

/**
 * The {@code [lint]} {@code fail_on} level: the least serious lint finding that makes {@code slipway lint} and
 * {@code slipway plan} exit with 3. The same three levels as the linter's severities, most serious first; the
 * configuration sits below the linter and names them without depending on it.
 */
public enum FailOn {
    /** Only findings that will fail or lose data. */
    ERROR,
    /** Errors, and statements that block reads or writes on an existing table beyond a moment. */
    WARNING,
    /** Every finding, style advice included. */
    ADVICE;

    /**
     * {@return the level named {@code text} in any case: error, warning or advice}
     *
     * @throws ConfigException naming the accepted values for anything else
     */
    public static FailOn parse(String text) {
        String name = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (FailOn level : values()) {
            if (level.configName().equals(name)) return level;
        }
        throw new ConfigException("invalid level '" + text + "'; expected error, warning or advice");
    }

    /** {@return the name as configuration and the command line write it, e.g. {@code warning}} */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
