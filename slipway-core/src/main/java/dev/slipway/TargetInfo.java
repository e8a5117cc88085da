package dev.slipway;

import dev.slipway.migration.Version;

/**
 * The database a command is about to change, as a confirmation prompt shows it.
 *
 * @param environment   the environment name from slipway.toml, or null
 * @param protectedEnvironment whether that environment is protected
 * @param host          the server's address as the server reports it (or "local socket")
 * @param database      the database name
 * @param serverVersion the server version, e.g. 15.18
 * @param current       the newest applied version, or null
 */
public record TargetInfo(String environment, boolean protectedEnvironment, String host, String database,
        String serverVersion, Version current) {
}
