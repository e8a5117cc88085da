package dev.slipway.history;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who runs Slipway, for the audit trail.
 *
 * @param osUser      the operating-system user
 * @param host        the host name
 * @param toolVersion the Slipway version
 */
public record Actor(String osUser, String host, String toolVersion) {

    /** {@return the actor of this process} */
    public static Actor current() {
        String version = Actor.class.getPackage().getImplementationVersion();
        return new Actor(System.getProperty("user.name", "unknown"), hostName(), version == null ? "dev" : version);
    }

    private static String hostName() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) return fromEnv;
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
