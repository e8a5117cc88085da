package dev.slipway.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The version of a PostgreSQL server, from {@code server_version_num}.
 *
 * @param major the major version, e.g. 15 (9 for 9.6)
 * @param minor the minor release, e.g. 18 in 15.18 (6 for 9.6)
 * @param versionNum the raw {@code server_version_num}, e.g. 150018
 */
public record ServerVersion(int major, int minor, int versionNum) implements Comparable<ServerVersion> {
    /** Checks that the parts agree with {@code versionNum}. */
    public ServerVersion {
        if (versionNum < 80000) throw new IllegalArgumentException("not a server_version_num: " + versionNum);
        if (!matches(fromNum(versionNum), major, minor)) {
            throw new IllegalArgumentException(
                    major + "." + minor + " does not match server_version_num " + versionNum);
        }
    }

    private static boolean matches(int[] parts, int major, int minor) {
        return parts[0] == major && parts[1] == minor;
    }

    private static int[] fromNum(int versionNum) {
        // 10 and later: MMmmmm (150018 is 15.18); before 10: MMmmpp (90624 is 9.6.24)
        return versionNum >= 100000 ? new int[] {versionNum / 10000, versionNum % 10000}
                : new int[] {versionNum / 10000, versionNum / 100 % 100};
    }

    /** {@return the version a {@code server_version_num} stands for} */
    public static ServerVersion ofNum(int versionNum) {
        int[] parts = fromNum(versionNum);
        return new ServerVersion(parts[0], parts[1], versionNum);
    }

    /** {@return the version of the server behind {@code connection}} */
    public static ServerVersion of(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select current_setting('server_version_num')::int")) {
            rows.next();
            return ofNum(rows.getInt(1));
        }
    }

    /** {@return true when the server is of major version {@code otherMajor} or later} */
    public boolean atLeast(int otherMajor) {
        return major >= otherMajor;
    }

    @Override
    public int compareTo(ServerVersion other) {
        return Integer.compare(versionNum, other.versionNum);
    }

    /** {@return the version as PostgreSQL writes it, e.g. {@code 15.18} or {@code 9.6.24}} */
    @Override
    public String toString() {
        return versionNum >= 100000 ? major + "." + minor : major + "." + minor + "." + versionNum % 100;
    }
}
