package dev.slipway.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresServerTest {

    @Test
    void givesEachClassAnEmptyDatabaseOnTheDefaultVersion(TestDatabase db) throws SQLException {
        assertThat(db.queryString("select current_database()")).isEqualTo(db.name());
        assertThat(db.queryLong("select count(*) from pg_tables where schemaname = 'public'")).isZero();
        assertThat(db.queryLong("select current_setting('server_version_num')::int / 10000"))
                .isEqualTo(PostgresServers.defaultMajor());
    }

    @Test
    void tcpConnectionsNeedThePassword(TestDatabase db) {
        Properties wrong = new Properties();
        wrong.setProperty("user", PostgresServer.SUPERUSER);
        wrong.setProperty("password", "not-the-password");
        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), wrong).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void serverRunsAsAnUnprivilegedUser(TestDatabase db) throws Exception {
        String status;
        try (Connection connection = db.connect()) {
            status = Files.readString(Path.of("/proc", Long.toString(backendPid(connection)), "status"));
        }
        String uidLine = status.lines().filter(line -> line.startsWith("Uid:")).findFirst().orElseThrow();
        assertThat(uidLine.split("\\s+")[1]).isNotEqualTo("0");
    }

    @Test
    void closingAServerStopsItAndRemovesItsFiles() throws Exception {
        PostgresServer server = PostgresServer.start(PostgresServers.defaultMajor());
        long postmaster;
        try (Connection connection = server.connect("postgres")) {
            assertThat(connection.isValid(2)).isTrue();
            postmaster = ProcessHandle.of(backendPid(connection)).flatMap(ProcessHandle::parent)
                    .map(ProcessHandle::pid).orElseThrow();
        }
        server.close();
        assertThat(endsWithin(postmaster, 10_000)).as("postmaster %d has ended", postmaster).isTrue();
        assertThatThrownBy(() -> server.connect("postgres").close()).isInstanceOf(SQLException.class);
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
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("select pg_backend_pid()")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
