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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A migration's statement holds a lock while the application's queries queue behind it. */
@ExtendWith(PostgresExtension.class)
class MaxBlockingTest {

    @Test
    void aStatementOthersWaitBehindTooLongIsCancelledRetriedThenReported(TestDatabase db, @TempDir Path dir)
            throws Exception {
        db.execute("create table orders (id bigint primary key); insert into orders values (1), (2)");
        MigrationFolder folder = new MigrationFolder(db, dir).write("V1__slow_change.sql",
                "alter table orders add column note text;\nselect pg_sleep(3);\n");
        Slipway slipway = folder.configure().maxBlocking(Duration.ofMillis(300)).lockRetries(1).load();
        SlipwayException failure;
        try (Application app = new Application(db)) {
            app.start();

            failure = catchThrowableOfType(SlipwayException.class, slipway::migrate);

            assertThat(failure).isNotNull();
            assertThat(failure.status()).isEqualTo(ExitStatus.FAILED);
            assertThat(failure.getMessage())
                    .contains("V1__slow_change.sql was cancelled 2 time(s) because other sessions waited behind it"
                            + " longer than max_blocking (300 ms)")
                    .contains("pid " + app.pid(), "select count(*) from orders")
                    .contains("database: no version applied")
                    .contains("max_blocking");
            List<ApplyEvent.Retrying> retries = folder.events(ApplyEvent.Retrying.class);
            assertThat(retries).hasSize(1);
            assertThat(retries.get(0).waiters()).extracting(Blocker::pid).containsExactly(app.pid());
            assertThat(app.answered()).as("the application's queries went on between attempts").isPositive();
        }
        assertThat(columns(db, "orders")).containsExactly("id");
        assertThat(slipway.status().current()).isNull();
        assertThat(slipway.history()).extracting(AuditEntry::outcome).containsExactly("failed");

        MigrateResult quiet = slipway.migrate();

        assertThat(quiet.to()).as("with nobody waiting, the same statement runs to the end")
                .isEqualTo(Version.parse("1"));
        assertThat(columns(db, "orders")).containsExactly("id", "note");
    }

    @Test
    void withTheLimitOffOthersWaitUntilTheStatementEnds(TestDatabase db, @TempDir Path dir) throws Exception {
        db.execute("create table invoices (id bigint primary key)");
        MigrationFolder folder = new MigrationFolder(db, dir).write("V1__slow_change.sql",
                "alter table invoices add column paid_at timestamptz;\nselect pg_sleep(1);\n");
        Slipway slipway = folder.configure().historySchema("unlimited").maxBlocking(Duration.ZERO).load();
        try (Application app = new Application(db, "invoices")) {
            app.start();

            MigrateResult result = slipway.migrate();

            assertThat(result.to()).isEqualTo(Version.parse("1"));
            assertThat(folder.events(ApplyEvent.Retrying.class)).isEmpty();
        }
        assertThat(columns(db, "invoices")).containsExactly("id", "paid_at");
    }

    /** Reads the table over and over from its own session, as an application would. */
    private static final class Application implements AutoCloseable {
        private final Connection session;
        private final int pid;
        private final String table;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger answered = new AtomicInteger();
        private final Thread thread = new Thread(this::loop, "application");

        Application(TestDatabase db) throws SQLException {
            this(db, "orders");
        }

        Application(TestDatabase db, String table) throws SQLException {
            this.session = db.connect();
            this.table = table;
            try (Statement query = session.createStatement();
                 ResultSet rows = query.executeQuery("select pg_backend_pid()")) {
                rows.next();
                this.pid = rows.getInt(1);
            }
        }

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        int pid() {
            return pid;
        }

        int answered() {
            return answered.get();
        }

        private void loop() {
            while (running.get()) {
                try (Statement query = session.createStatement();
                     ResultSet rows = query.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    answered.incrementAndGet();
                    Thread.sleep(20);
                } catch (SQLException e) {
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        @Override
        public void close() throws Exception {
            running.set(false);
            thread.join(10_000);
            session.close();
        }
    }
}
