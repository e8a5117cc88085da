package dev.slipway.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresServerTest {
    /** The major version the launcher's tests run on; the same property and default as the testkit's. */
    static final int MAJOR = Integer.getInteger("slipway.postgres.version", 15);

    private static PostgresServer server;

    @BeforeAll
    static void start() {
        server = PostgresServer.start(MAJOR);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void runsTheRequestedMajorVersion() throws SQLException {
        assertThat(server.major()).isEqualTo(MAJOR);
        assertThat(query(server, "postgres", "select current_setting('server_version_num')::int / 10000"))
                .isEqualTo(Integer.toString(MAJOR));
        assertThat(PostgresBinaries.available()).containsKey(MAJOR);
    }

    @Test
    void createsAndDropsDatabases() throws SQLException {
        server.createDatabase("Mixed Case");
        assertThat(query(server, "Mixed Case", "select current_database()")).isEqualTo("Mixed Case");
        try (Connection open = server.connect("Mixed Case")) {
            server.dropDatabase("Mixed Case");
            assertThat(open.isValid(2)).as("a session left open is ended by the drop").isFalse();
        }
        assertThat(query(server, "postgres", "select count(*) from pg_database where datname = 'Mixed Case'"))
                .isEqualTo("0");
    }

    @Test
    void tcpConnectionsNeedThePassword() {
        Properties wrong = new Properties();
        wrong.setProperty("user", PostgresServer.SUPERUSER);
        wrong.setProperty("password", "not-the-password");
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), wrong).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void serverRunsAsAnUnprivilegedUser() throws Exception {
        String status;
        try (Connection connection = server.connect("postgres")) {
            status = Files.readString(Path.of("/proc", Long.toString(backendPid(connection)), "status"));
        }
        String uidLine = status.lines().filter(line -> line.startsWith("Uid:")).findFirst().orElseThrow();
        assertThat(uidLine.split("\\s+")[1]).isNotEqualTo("0");
    }

    @Test
    void closingAServerStopsItAndRemovesItsFiles() throws Exception {
        PostgresServer other = PostgresServer.start(MAJOR);
        long postmaster;
        try (Connection connection = other.connect("postgres")) {
            assertThat(connection.isValid(2)).isTrue();
            postmaster = ProcessHandle.of(backendPid(connection)).flatMap(ProcessHandle::parent)
                    .map(ProcessHandle::pid).orElseThrow();
        }
        assertThat(other.directory().resolve("data/PG_VERSION")).exists();
        other.close();
        assertThat(endsWithin(postmaster, 10_000)).as("postmaster %d has ended", postmaster).isTrue();
        assertThatThrownBy(() -> other.connect("postgres").close()).isInstanceOf(SQLException.class);
        assertThat(other.directory()).doesNotExist();
    }

    /** pg_ctl returns once the pid file is gone; the process itself may take a moment longer to exit. */
    private static boolean endsWithin(long pid, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                Thread.sleep(50);
            } else {
                return true;
            }
        }
        return false;
    }

    private static long backendPid(Connection connection) throws SQLException {
        return Long.parseLong(query(connection, "select pg_backend_pid()"));
    }

    private static String query(PostgresServer on, String database, String sql) throws SQLException {
        try (Connection connection = on.connect(database)) {
            return query(connection, sql);
        }
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
