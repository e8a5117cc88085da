package dev.slipway.deploy;

import dev.slipway.SlipwayException;
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

    /**
     * Checks the confirmation for a change: on a protected environment it must name the database. Unprotected
     * targets need none.
     *
     * @param typed the database name the user gave (with {@code --confirm} or at a prompt), or null
     * @throws SlipwayException with exit status 2 when the target is protected and {@code typed} does not name its
     *                          database
     */
    public void checkConfirmation(String typed) {
        if (!protectedEnvironment) return;
        if (typed == null) {
            throw SlipwayException.badInput("environment " + environment + " is protected: a change needs a"
                    + " confirmation naming its database (" + database + " on " + host + ")",
                    "--env " + environment, "run it again with --confirm " + database);
        }
        if (!typed.equals(database)) {
            throw SlipwayException.badInput("the confirmation '" + typed + "' does not name the database of"
                    + " environment " + environment + " (" + database + " on " + host + ")", "--confirm",
                    "check that --env " + environment + " is the environment you mean, then confirm with its"
                            + " database name");
        }
    }
}
