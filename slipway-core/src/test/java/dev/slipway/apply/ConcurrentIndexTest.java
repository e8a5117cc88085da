package dev.slipway.apply;

import static dev.slipway.apply.MigrationFolder.fileName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.slipway.Slipway;
import dev.slipway.SlipwayException;
import dev.slipway.history.AuditEntry;
import dev.slipway.migration.Version;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** CREATE INDEX CONCURRENTLY, where other runners hang or leave invalid indexes behind. */
@ExtendWith(PostgresExtension.class)
class ConcurrentIndexTest {
    private MigrationFolder folder;

    @BeforeEach
    void usersWithDuplicateEmails(TestDatabase db, @TempDir Path dir) {
        db.recreate();
        folder = new MigrationFolder(db, dir)
                .write("V1__users.sql", "create table users (id int primary key, email text);\n"
                        + "insert into users values (1, 'ann@example.com'), (2, 'bob@example.com'),"
                        + " (3, 'ann@example.com');\n");
    }

    @Test
    void appliesWithDefaultSettingsWhileAnotherSessionSitsIdle(TestDatabase db) throws Exception {
        folder.write("V2__index_email.sql", "-- look-ups by email\n"
                + "create index concurrently users_email on users (email);\n");
        Slipway defaults = Slipway.configure().dataSource(db.dataSource()).locations(folder.dir().toString())
                .listener(event -> { }).load();
        try (Connection idle = db.connect(); Statement statement = idle.createStatement()) {
            statement.execute("select count(*) from pg_class");

            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> defaults.migrate());
        }

        assertThat(indexes(db)).isEqualTo("users_email true,users_pkey true");
        assertThat(defaults.status().pending()).isEmpty();
    }

    @Test
    void aBuildWaitsForAnOldTransactionLongerThanTheLockTimeout(TestDatabase db) throws Exception {
        folder.write("V2__index_email.sql", "create index concurrently users_email on users (email);\n");
        Slipway slipway = folder.load();
        slipway.migrate(Version.parse("1"));
        try (Connection reader = db.connect(); Statement statement = reader.createStatement()) {
            reader.setAutoCommit(false);
            reader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            statement.execute("select count(*) from users");

            CompletableFuture<MigrateResult> migrating = CompletableFuture.supplyAsync(slipway::migrate);
            Thread.sleep(1000);
            assertThat(migrating).as("the build waits for the reader, past the 300 ms lock timeout").isNotDone();
            reader.commit();

            assertThat(migrating.get(30, TimeUnit.SECONDS).applied()).hasSize(1);
        }
        assertThat(indexes(db)).isEqualTo("users_email true,users_pkey true");
        assertThat(folder.events(ApplyEvent.Retrying.class)).isEmpty();
    }

    @Test
    void anInvalidIndexLeftByAFailedBuildIsDroppedAndBuiltAgain(TestDatabase db) throws SQLException {
        folder.write("V2__unique_email.sql", "-- one account per address\n"
                + "create unique index concurrently if not exists users_email on users (email);\n");
        Slipway slipway = folder.load();

        SlipwayException failure = catchThrowableOfType(slipway::migrate, SlipwayException.class);

        assertThat(failure.getMessage()).contains("V2__unique_email.sql failed", "23505",
                "at " + folder.dir().resolve("V2__unique_email.sql") + ":2");
        assertThat(indexes(db)).as("PostgreSQL leaves the failed build behind")
                .isEqualTo("users_email false,users_pkey true");
        assertThat(slipway.status().entries()).extracting(e -> fileName(e.script()), StatusEntry::state)
                .containsExactly(tuple("V1__users.sql", PendingState.APPLIED),
                        tuple("V2__unique_email.sql", PendingState.PARTIAL));

        db.execute("delete from users where id = 3");
        folder.clearEvents();
        slipway.migrate();

        assertThat(indexes(db)).isEqualTo("users_email true,users_pkey true");
        assertThat(folder.events(ApplyEvent.Note.class)).extracting(ApplyEvent.Note::text)
                .anySatisfy(text -> assertThat(text).contains("dropped the invalid index users_email", "line 2"));
        assertThat(slipway.status().needsAttention()).isFalse();
        assertThat(slipway.history()).extracting(AuditEntry::version, AuditEntry::outcome).containsExactly(
                tuple("1", "success"), tuple("2", "failed"), tuple("2", "success"));
    }

    @Test
    void anInvalidIndexLeftByHandIsRebuiltToo(TestDatabase db) throws SQLException {
        folder.load().migrate();
        try (Connection manual = db.connect(); Statement statement = manual.createStatement()) {
            statement.execute("create unique index concurrently users_email on users (email)");
        } catch (SQLException expected) {
            // the duplicate makes the build fail and leave an invalid index
        }
        assertThat(indexes(db)).isEqualTo("users_email false,users_pkey true");
        db.execute("delete from users where id = 3");
        folder.write("V2__unique_email.sql",
                "create unique index concurrently if not exists users_email on users (email);\n");

        folder.load().migrate();

        assertThat(indexes(db)).isEqualTo("users_email true,users_pkey true");
        assertThat(folder.events(ApplyEvent.Note.class)).extracting(ApplyEvent.Note::text)
                .anySatisfy(text -> assertThat(text).contains("dropped the invalid index users_email"));
    }

    private static String indexes(TestDatabase db) throws SQLException {
        return db.queryString("select string_agg(indexrelid::regclass || ' ' || indisvalid, ',' order by indexrelid::regclass::text)"
                + " from pg_index where indrelid = 'users'::regclass");
    }
}
