package dev.slipway.embedded;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** Started by {@link NonRootUserTest} as an unprivileged user: starts a server, queries it, stops it. */
public final class NonRootSmoke {
    private NonRootSmoke() {
    }

    public static void main(String[] args) throws Exception {
        try (PostgresServer server = PostgresServer.start(Integer.parseInt(args[0]))) {
            server.createDatabase("smoke");
            try (Connection connection = server.connect("smoke"); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select current_setting('server_version_num')")) {
                rows.next();
                System.out.println("ok " + System.getProperty("user.name") + " " + rows.getString(1));
            }
        }
    }
}
