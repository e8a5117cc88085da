package dev.slipway.backup;

import java.nio.file.Path;

/**
 * One PostgreSQL client program found on this machine.
 *
 * @param program {@code pg_dump} or {@code pg_restore}
 * @param path    where it is
 * @param version its version as it reports it, e.g. {@code 15.18}
 * @param major   its major version, e.g. 15
 */
record ClientTool(String program, Path path, String version, int major) {
    /** {@return e.g. {@code pg_dump 15.18 (/usr/lib/postgresql/15/bin/pg_dump)}} */
    String describe() {
        return program + " " + version + " (" + path + ")";
    }
}
