package dev.slipway.embedded;

import com.sun.security.auth.module.UnixSystem;

/**
 * The operating-system user this JVM runs as, and the user the PostgreSQL server runs as.
 * <p>PostgreSQL refuses to run as root, so when the JVM is root (as in CI) the server programs run as
 * {@code nobody} through {@code runuser}; otherwise they run as the current user.
 *
 * @param uid  numeric user id of this JVM
 * @param name user name of this JVM
 */
record OsUser(long uid, String name) {
    static final String SERVER_USER_WHEN_ROOT = "nobody";

    static OsUser current() {
        UnixSystem unix = new UnixSystem();
        return new OsUser(unix.getUid(), unix.getUsername());
    }

    boolean isRoot() {
        return uid == 0;
    }
}
