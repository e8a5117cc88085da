package dev.slipway.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.embedded.PostgresServer;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

@ExtendWith(PostgresExtension.class)
class ConnectionFactoryTest {
    private static final String WRONG_PASSWORD = "Wr0ng-Passw0rd!";

    @TempDir
    Path home;

    private Environment env(Map<String, String> variables) {
        return new Environment(variables, home, "nobody-in-particular");
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void connectsWithALibpqUriCarryingThePassword(TestDatabase db) throws SQLException {
        ConnectionSpec spec = ConnectionSpec.resolve(db.libpqUrl(), env(Map.of()));

        try (Connection connection = ConnectionFactory.of(spec).open()) {
            assertThat(query(connection, "select current_database()")).isEqualTo(db.name());
            assertThat(query(connection, "select current_setting('application_name')")).isEqualTo("slipway");
        }
    }

    @Test
    void connectsWithAJdbcUrlAndPgPassword(TestDatabase db) throws SQLException {
        ConnectionSpec spec = ConnectionSpec.resolve(db.jdbcUrl(),
                env(Map.of("PGUSER", PostgresServer.SUPERUSER, "PGPASSWORD", db.server().password())));

        try (Connection connection = ConnectionFactory.of(spec).open()) {
            assertThat(query(connection, "select current_user")).isEqualTo(PostgresServer.SUPERUSER);
        }
    }

    @Test
    void connectsWithAPasswordFileOnly(TestDatabase db) throws IOException, SQLException {
        Path passFile = home.resolve(".pgpass");
        Files.writeString(passFile, "# test server\n" + db.server().host() + ":" + db.server().port() + ":*:"
                + PostgresServer.SUPERUSER + ":" + db.server().password() + "\n");
        Files.setPosixFilePermissions(passFile, PosixFilePermissions.fromString("rw-------"));
        String url = "postgresql://" + PostgresServer.SUPERUSER + "@" + db.server().host() + ":" + db.server().port()
                + "/" + db.name() + "?application_name=pgpass-test";

        ConnectionSpec spec = ConnectionSpec.resolve(url, env(Map.of()));

        assertThat(spec.password()).isPresent();
        try (Connection connection = ConnectionFactory.of(spec).open()) {
            assertThat(query(connection, "select current_setting('application_name')")).isEqualTo("pgpass-test");
        }
    }

    @Test
    void ignoresAReadablePasswordFileAndThenFailsToAuthenticate(TestDatabase db) throws IOException {
        Path passFile = home.resolve("pgpass-readable");
        Files.writeString(passFile, "*:*:*:*:" + db.server().password() + "\n");
        Files.setPosixFilePermissions(passFile, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> warnings = new ArrayList<>();
        String url = "host=" + db.server().host() + " port=" + db.server().port() + " user=postgres dbname="
                + db.name();

        ConnectionSpec spec = ConnectionSpec.resolve(url, env(Map.of("PGPASSFILE", passFile.toString())),
                warnings::add);

        assertThat(warnings).singleElement().asString().contains("group or world access");
        assertThatThrownBy(() -> ConnectionFactory.of(spec).open().close())
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("no password was provided");
    }

    @Test
    void reportsAWrongPasswordRedacted(TestDatabase db) {
        String url = "postgresql://postgres:" + WRONG_PASSWORD + "@" + db.server().host() + ":" + db.server().port()
                + "/" + db.name();
        ConnectionFactory factory = ConnectionFactory.of(ConnectionSpec.resolve(url, env(Map.of())));

        DatabaseUnavailableException failure = catchThrowableOfType(DatabaseUnavailableException.class,
                () -> factory.open().close());

        assertThat(failure).hasMessage("could not connect to postgresql://postgres:****@127.0.0.1:"
                + db.server().port() + "/" + db.name() + ": password authentication failed for user \"postgres\"");
        assertThat(failure.sqlState()).contains("28P01");
        assertThat(failure.getCause()).isSameAs(failure.sqlException()).isInstanceOf(SQLException.class);
        assertThat(failure.toString()).doesNotContain(WRONG_PASSWORD).doesNotContain(db.server().password());
    }

    @Test
    void reportsARefusedConnectionWithItsSqlState() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ConnectionSpec spec = ConnectionSpec.resolve("postgresql://app:" + WRONG_PASSWORD + "@127.0.0.1:" + closedPort
                + "/app?connect_timeout=5", env(Map.of()));

        DatabaseUnavailableException failure = catchThrowableOfType(DatabaseUnavailableException.class,
                () -> ConnectionFactory.of(spec).open().close());

        assertThat(failure.getMessage())
                .startsWith("could not connect to postgresql://app:****@127.0.0.1:" + closedPort)
                .contains("refused").doesNotContain(WRONG_PASSWORD);
        assertThat(failure.sqlState()).contains("08001");
    }

    @Test
    void connectsThroughAGivenDataSource(TestDatabase db) throws SQLException {
        try (Connection connection = ConnectionFactory.of(db.dataSource(), "the test data source").open()) {
            assertThat(query(connection, "select current_database()")).isEqualTo(db.name());
        }
    }

    @Test
    void reportsADataSourceFailureWithItsDescription(TestDatabase db) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {db.server().host()});
        dataSource.setPortNumbers(new int[] {db.server().port()});
        dataSource.setDatabaseName(db.name());
        dataSource.setUser("postgres");
        dataSource.setPassword(WRONG_PASSWORD);

        assertThatThrownBy(() -> ConnectionFactory.of(dataSource, "the application's data source").open().close())
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessage("could not connect to the application's data source:"
                        + " password authentication failed for user \"postgres\"");
    }

    @Test
    void readsTheServerVersion(TestDatabase db) throws SQLException {
        try (Connection connection = db.connect()) {
            ServerVersion version = ServerVersion.of(connection);

            assertThat(version.major()).isEqualTo(db.server().major());
            assertThat(version.toString()).startsWith(db.server().major() + ".")
                    .isEqualTo(query(connection, "show server_version").replaceAll(" .*", ""));
        }
    }
}
