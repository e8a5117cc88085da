package dev.slipway.apply;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Runners started at the same time on one database. */
@ExtendWith(PostgresExtension.class)
class ConcurrentRunnersTest {
    @BeforeEach
    void freshDatabase(TestDatabase db) {
        db.recreate();
    }

    @Test
    void twoRunnersAtOnceApplyEachMigrationExactlyOnce(TestDatabase db, @TempDir Path dir) throws Exception {
        MigrationFolder folder = new MigrationFolder(db, dir);
        for (int i = 1; i <= 20; i++) {
            folder.write("V" + i + "__step_" + i + ".sql", "create table t" + i + " (id int);\n"
                    + "insert into t" + i + " values (" + i + ");\n"
                    + "select pg_sleep(0.01);\n");
        }
        Slipway first = folder.load();
        Slipway second = folder.load();
        CountDownLatch start = new CountDownLatch(1);

        CompletableFuture<MigrateResult> one = CompletableFuture.supplyAsync(() -> awaitThen(start, first));
        CompletableFuture<MigrateResult> two = CompletableFuture.supplyAsync(() -> awaitThen(start, second));
        start.countDown();
        MigrateResult a = one.get(60, TimeUnit.SECONDS);
        MigrateResult b = two.get(60, TimeUnit.SECONDS);

        assertThat(a.applied().size() + b.applied().size()).isEqualTo(20);
        assertThat(a.to()).isEqualTo(Version.parse("20"));
        assertThat(b.to()).isEqualTo(Version.parse("20"));
        List<AuditEntry> audit = first.history();
        assertThat(audit).allSatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("apply");
            assertThat(entry.outcome()).isEqualTo("success");
        });
        Map<String, Long> appliesPerVersion = audit.stream()
                .collect(Collectors.groupingBy(AuditEntry::version, Collectors.counting()));
        assertThat(appliesPerVersion).hasSize(20).allSatisfy((version, count) -> assertThat(count).isEqualTo(1));
        for (int i = 1; i <= 20; i++) {
            assertThat(db.queryLong("select count(*) from t" + i)).isEqualTo(1);
        }
        assertThat(first.status().pending()).isEmpty();
    }

    @Test
    void aRunnerThatWaitsTooLongNamesTheHolder(TestDatabase db, @TempDir Path dir) throws Exception {
        MigrationFolder folder = new MigrationFolder(db, dir)
                .write("V1__slow.sql", "create table slow (id int);\nselect pg_sleep(3);\n");
        Slipway holder = Slipway.configure().url(db.libpqUrl()).locations(dir.toString()).load();
        Slipway waiter = folder.configure().lockWait(Duration.ofMillis(300)).load();

        CompletableFuture<MigrateResult> holding = CompletableFuture.supplyAsync(holder::migrate);
        long holderPid = awaitSleepingBackend(db);
        SlipwayException failure = catchThrowableOfType(SlipwayException.class, waiter::migrate);

        assertThat(failure).isNotNull();
        assertThat(failure.status()).isEqualTo(ExitStatus.FAILED);
        assertThat(failure.getMessage())
                .contains("another Slipway run holds the migration lock")
                .contains("pid " + holderPid, "application 'slipway@")
                .contains("database: not touched by this run")
                .contains("next: wait for that run to finish", "pid = " + holderPid);
        assertThat(folder.events(ApplyEvent.WaitingForRunnerLock.class)).singleElement()
                .satisfies(waiting -> assertThat(waiting.holder()).contains("pid " + holderPid));
        assertThat(waiter.status().running()).as("status names the run").singleElement().satisfies(running -> {
            assertThat(running.pid()).isEqualTo(holderPid);
            assertThat(running.deploy()).isFalse();
        });
        assertThat(holding.get(30, TimeUnit.SECONDS).applied()).hasSize(1);
        assertThat(folder.load().history()).extracting(AuditEntry::outcome).containsExactly("success");
    }

    /** {@return the pid of the backend in pg_sleep (in a statement of its own or inside another), once it is} */
    static long awaitSleepingBackend(TestDatabase db) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String pid = db.queryString("select pid from pg_stat_activity where state = 'active'"
                    + " and wait_event = 'PgSleep' and pid <> pg_backend_pid()");
            if (pid != null) return Long.parseLong(pid);
            Thread.sleep(20);
        }
        throw new AssertionError("no backend started pg_sleep within 20 s");
    }

    private static MigrateResult awaitThen(CountDownLatch start, Slipway slipway) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return slipway.migrate();
    }
}
