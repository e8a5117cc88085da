package dev.slipway.apply;

import static dev.slipway.apply.MigrationFolder.columns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.ExitStatus;
import dev.slipway.Slipway;
import dev.slipway.SlipwayException;
import dev.slipway.history.AuditEntry;
import dev.slipway.migration.Version;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Another session holds a lock the migration needs. */
@ExtendWith(PostgresExtension.class)
class LockTimeoutTest {

    @Test
    void retriesThenFailsNamingTheBlockerAndSucceedsOnceItIsGone(TestDatabase db, @TempDir Path dir)
            throws SQLException {
        db.execute("create table outreach (id bigint primary key)");
        MigrationFolder folder = new MigrationFolder(db, dir)
                .write("V1__add_sent_at.sql", "alter table outreach add column sent_at timestamptz;\n");
        Slipway slipway = folder.load();
        SlipwayException failure;
        try (Connection blocker = db.connect()) {
            blocker.setAutoCommit(false);
            int blockerPid = pid(blocker);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("lock table outreach in access exclusive mode");
            }

            failure = catchThrowableOfType(slipway::migrate, SlipwayException.class);

            assertThat(failure).isNotNull();
            assertThat(failure.status()).isEqualTo(ExitStatus.FAILED);
            assertThat(failure.getMessage())
                    .contains("V1__add_sent_at.sql could not get its lock within the lock timeout, 3 attempt(s)")
                    .contains("blocked by pid " + blockerPid)
                    .contains("idle in transaction", "lock table outreach")
                    .contains("at " + dir.resolve("V1__add_sent_at.sql") + ":1")
                    .contains("database: no version applied")
                    .contains("pg_terminate_backend");
            List<ApplyEvent.Retrying> retries = folder.events(ApplyEvent.Retrying.class);
            assertThat(retries).extracting(ApplyEvent.Retrying::attempt).containsExactly(1, 2);
            assertThat(retries).allSatisfy(r -> assertThat(r.line()).isEqualTo(1));
            assertThat(retries.get(1).blockers()).extracting(Blocker::pid).containsExactly(blockerPid);
            assertThat(columns(db, "outreach")).containsExactly("id");
            assertThat(slipway.status().current()).isNull();
            assertThat(slipway.history()).extracting(AuditEntry::outcome).containsExactly("failed");
            blocker.rollback();
        }

        MigrateResult result = slipway.migrate();

        assertThat(result.to()).isEqualTo(Version.parse("1"));
        assertThat(columns(db, "outreach")).containsExactly("id", "sent_at");
    }

    @Test
    void aShortLockTimeoutStillNamesTheBlocker(TestDatabase db, @TempDir Path dir) throws SQLException {
        db.execute("create table invoices (id bigint primary key)");
        MigrationFolder folder = new MigrationFolder(db, dir)
                .write("V1__add_paid_at.sql", "alter table invoices add column paid_at timestamptz;\n");
        Slipway slipway = folder.configure().historySchema("short_timeout")
                .lockTimeout(Duration.ofMillis(50)).lockRetries(0).load();
        try (Connection blocker = db.connect()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("lock table invoices in access exclusive mode");
            }

            SlipwayException failure = catchThrowableOfType(slipway::migrate, SlipwayException.class);

            assertThat(failure.getMessage()).contains("1 attempt(s)", "blocked by pid " + pid(blocker));
            blocker.rollback();
        }
    }

    private static int pid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
