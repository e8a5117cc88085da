package dev.slipway.config;

import java.util.Locale;

/** How {@code slipway backup} stores a database: what {@code pg_dump --format} writes, or no dump at all. */
public enum BackupFormat {
    /** One compressed file ({@code pg_dump -Fc}), restored in one transaction. */
    CUSTOM,
    /** A folder of compressed files ({@code pg_dump -Fd}), dumped and restored by several processes. */
    DIRECTORY,
    /** No dump: only the configured {@code command} (e.g. a cloud snapshot) runs. */
    NONE;

    /**
     * {@return the format named {@code text}: custom, directory or none}
     *
     * @throws ConfigException naming the accepted values for anything else
     */
    public static BackupFormat parse(String text) {
        String name = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (BackupFormat format : values()) {
            if (format.configName().equals(name)) return format;
        }
        throw new ConfigException("unknown backup format '" + text + "'; expected custom, directory or none");
    }

    /** {@return the name as configuration and the command line write it, e.g. {@code custom}} */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
