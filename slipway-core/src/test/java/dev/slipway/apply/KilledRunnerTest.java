package dev.slipway.apply;

import static dev.slipway.apply.ConcurrentRunnersTest.awaitSleepingBackend;
import static dev.slipway.apply.MigrationFolder.fileName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.slipway.Slipway;
import dev.slipway.embedded.PostgresServer;
import dev.slipway.history.AuditEntry;
import dev.slipway.migration.Version;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runner process killed with SIGKILL in the middle of a long statement: the lock goes with it, the history tells
 * the truth, and running migrate again finishes the job without repeating what was done.
 */
@ExtendWith(PostgresExtension.class)
class KilledRunnerTest {
    /** Sleeps as long as the test's knob says: 30 s for the run that is killed, 0 for the one that finishes. */
    private static final String SLEEP = "select pg_sleep((select seconds from knob));\n";

    private Process runner;

    @BeforeEach
    void freshDatabaseWithAKnob(TestDatabase db) throws Exception {
        db.recreate();
        db.execute("create table knob (seconds float8); insert into knob values (30)");
    }

    @AfterEach
    void noRunnerLeftBehind() throws InterruptedException {
        if (runner != null && runner.isAlive()) {
            runner.destroyForcibly().waitFor();
        }
    }

    @Test
    void aTransactionalMigrationCutOffIsPendingAndTheReRunAppliesIt(TestDatabase db, @TempDir Path dir)
            throws Exception {
        MigrationFolder folder = new MigrationFolder(db, dir)
                .write("V1__create_a.sql", "create table a (id int);\n")
                .write("V2__slow.sql", "create table b (id int);\n" + SLEEP)
                .write("V3__create_c.sql", "create table c (id int);\n");

        killDuringTheSleep(db, dir);

        assertTheKilledSessionAndItsLockAreGone(db);
        Slipway slipway = folder.configure().lockWait(Duration.ZERO).load();
        StatusReport status = slipway.status();
        assertThat(status.current()).isEqualTo(Version.parse("1"));
        assertThat(status.entries()).extracting(e -> fileName(e.script()), StatusEntry::state).containsExactly(
                tuple("V1__create_a.sql", PendingState.APPLIED),
                tuple("V2__slow.sql", PendingState.PENDING),
                tuple("V3__create_c.sql", PendingState.PENDING));
        assertThat(MigrationFolder.tables(db)).containsExactly("a", "knob");

        db.execute("update knob set seconds = 0");
        MigrateResult result = slipway.migrate();

        assertThat(folder.events(ApplyEvent.WaitingForRunnerLock.class)).isEmpty();
        assertThat(result.applied()).extracting(a -> fileName(a.script()))
                .containsExactly("V2__slow.sql", "V3__create_c.sql");
        assertThat(MigrationFolder.tables(db)).containsExactly("a", "b", "c", "knob");
        assertThat(slipway.history()).extracting(AuditEntry::version, AuditEntry::outcome).containsExactly(
                tuple("1", "success"), tuple("2", "success"), tuple("3", "success"));
    }

    @Test
    void aNonTransactionalMigrationCutOffResumesWithoutRepeatingDoneSteps(TestDatabase db, @TempDir Path dir)
            throws Exception {
        MigrationFolder folder = new MigrationFolder(db, dir)
                .write("V1__create_a.sql", "create table a (id int);\n")
                .write("V2__visits.sql", "-- slipway:no-transaction\n"
                        + "create table visits (id int, at timestamptz);\n"
                        + "insert into visits select g, now() from generate_series(1, 100) g;\n"
                        + "create index concurrently visits_id on visits (id);\n"
                        + SLEEP
                        + "insert into visits values (0, now());\n");

        killDuringTheSleep(db, dir);

        assertTheKilledSessionAndItsLockAreGone(db);
        Slipway slipway = folder.configure().lockWait(Duration.ZERO).load();
        StatusReport status = slipway.status();
        assertThat(status.current()).as("a partly applied version is not the current one")
                .isEqualTo(Version.parse("1"));
        assertThat(status.entries()).extracting(e -> fileName(e.script()), StatusEntry::state).containsExactly(
                tuple("V1__create_a.sql", PendingState.APPLIED),
                tuple("V2__visits.sql", PendingState.PARTIAL));
        assertThat(status.entries().get(1).detail()).startsWith("3 step(s) done");
        assertThat(db.queryLong("select count(*) from visits")).isEqualTo(100);

        db.execute("update knob set seconds = 0");
        MigrateResult result = slipway.migrate();

        assertThat(folder.events(ApplyEvent.WaitingForRunnerLock.class)).isEmpty();
        assertThat(result.applied()).extracting(a -> fileName(a.script())).containsExactly("V2__visits.sql");
        assertThat(folder.events(ApplyEvent.Note.class)).extracting(ApplyEvent.Note::text)
                .anySatisfy(text -> assertThat(text).contains("resuming after step 3 of 5"));
        assertThat(db.queryLong("select count(*) from visits")).as("the insert of step 2 ran once").isEqualTo(101);
        assertThat(db.queryString("select string_agg(indexrelid::regclass || ' ' || indisvalid, ',')"
                + " from pg_index where indrelid = 'visits'::regclass")).isEqualTo("visits_id true");
        assertThat(slipway.status().needsAttention()).isFalse();
        List<AuditEntry> audit = slipway.history();
        assertThat(audit).extracting(AuditEntry::version, AuditEntry::outcome)
                .containsExactly(tuple("1", "success"), tuple("2", "success"));
    }

    @Test
    void aBatchedUpdateCutOffMidBatchResumesAfterTheLastCommittedBatch(TestDatabase db, @TempDir Path dir)
            throws Exception {
        db.execute("create table orders (id int primary key, touched int not null default 0);"
                + " insert into orders (id) select g from generate_series(1, 50) g");
        MigrationFolder folder = new MigrationFolder(db, dir)
                .write("V1__touch.sql", "-- slipway:batch key=id size=10\n"
                        + "update orders set touched = touched + 1 where case when id = 25 then (select count(*)"
                        + " from (" + SLEEP.strip().replace(";", "") + ") s) = 1 else true end;\n");

        killDuringTheSleep(db, dir);

        assertTheKilledSessionAndItsLockAreGone(db);
        assertThat(db.queryLong("select count(*) from orders where touched = 1")).as("two batches committed")
                .isEqualTo(20);
        assertThat(db.queryLong("select max(id) from orders where touched = 1")).isEqualTo(20);
        Slipway slipway = folder.configure().lockWait(Duration.ZERO).load();
        assertThat(slipway.status().entries()).extracting(StatusEntry::state).containsExactly(PendingState.PARTIAL);

        db.execute("update knob set seconds = 0");
        slipway.migrate();

        assertThat(db.queryLong("select count(*) from orders where touched = 1")).as("each row once").isEqualTo(50);
        assertThat(folder.events(ApplyEvent.Note.class)).extracting(ApplyEvent.Note::text)
                .contains("line 2: resuming the batches after id 20 (an earlier run committed up to there)",
                        "line 2: 3 batch(es) of up to 10 id value(s), 30 row(s) changed");
        assertThat(slipway.status().needsAttention()).isFalse();
    }

    private void killDuringTheSleep(TestDatabase db, Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KillableRunner.class.getName(), db.jdbcUrl(), dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("runner.log").toFile());
        builder.environment().put("PGUSER", PostgresServer.SUPERUSER);
        builder.environment().put("PGPASSWORD", db.server().password());
        runner = builder.start();
        try {
            awaitSleepingBackend(db);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; runner output: " + read(dir.resolve("runner.log")), e);
        }
        runner.destroyForcibly();
        assertThat(runner.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    /** The server notices the dead client within seconds, long before the 30 s sleep would end. */
    private static void assertTheKilledSessionAndItsLockAreGone(TestDatabase db) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (db.queryLong("select count(*) from pg_stat_activity where wait_event = 'PgSleep'"
                + " and pid <> pg_backend_pid()") > 0) {
            assertThat(System.nanoTime()).as("the killed runner's session is still running after 5 s")
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(db.queryLong("select count(*) from pg_locks where locktype = 'advisory'")).isZero();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
