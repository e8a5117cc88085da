package dev.slipway.testkit;

/** Started by {@link NonRootUserTest} as an unprivileged user: starts a server, queries it, stops it. */
public final class NonRootSmoke {
    private NonRootSmoke() {
    }

    public static void main(String[] args) throws Exception {
        try (PostgresServer server = PostgresServer.start(Integer.parseInt(args[0]))) {
            TestDatabase db = server.createDatabase("smoke");
            System.out.println("ok " + System.getProperty("user.name") + " "
                    + db.queryString("select current_setting('server_version_num')"));
        }
    }
}
