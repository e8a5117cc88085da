package dev.slipway.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.ExitStatus;
import dev.slipway.Slipway;
import dev.slipway.SlipwayException;
import dev.slipway.config.BackupConfig;
import dev.slipway.testkit.PostgresServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore and a migration never run at once on one database: a restore takes the runner lock that migrations take,
 * is refused with nothing touched when a migration holds it, and makes a migration that starts meanwhile fail.
 */
class RestoreRunnerLockTest {
    private static final long PATIENCE_MILLIS = 60_000;

    @TempDir
    Path project;

    private Shop shop;
    private StoredBackup backup;

    @BeforeEach
    void backUp() throws Exception {
        shop = Shop.create(PostgresServers.defaultMajor(), "runnerlock", project);
        backup = slipway().backup(BackupRequest.wholeDatabase(), BackupListener.NONE).backup();
        shop.scribble();
    }

    @AfterEach
    void dropShop() {
        shop.drop();
    }

    private Slipway slipway() {
        return shop.slipway(BackupConfig.defaults().withDirectory(project.resolve("backups")));
    }

    @Test
    void aRestoreIsRefusedWhileAMigrationRuns() throws Exception {
        // a migration that runs until this test lets it finish, by releasing an advisory lock: it waits on no table,
        // so without the runner lock the restore would go ahead, not wait
        Files.writeString(shop.migrations().resolve("V3__wait.sql"), """
                do $$ begin
                    while not pg_try_advisory_xact_lock(7343) loop perform pg_sleep(0.05); end loop;
                end $$;
                """);
        CompletableFuture<?> migration;
        try (Connection holder = shop.db().connect(); Statement statement = holder.createStatement()) {
            statement.execute("select pg_advisory_lock(7343)");
            migration = CompletableFuture.runAsync(() -> slipway().migrate());
            int migrator = awaitPid("select pid from pg_stat_activity where query like '%advisory_xact_lock(7343)%'"
                    + " and state = 'active' and pid <> pg_backend_pid()");
            Map<String, String> during = shop.checksums();

            CompletableFuture<RestoreResult> restore = CompletableFuture.supplyAsync(() -> slipway().restore(
                    RestoreRequest.of(backup.id(), shop.db().name()), BackupListener.NONE));
            SlipwayException refusal = catchThrowableOfType(SlipwayException.class, () -> {
                try {
                    restore.get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    throw e.getCause();
                }
            });

            assertThat(refusal).as("the restore was refused").isNotNull();
            assertThat(refusal.status()).isEqualTo(ExitStatus.FAILED);
            assertThat(refusal.getMessage()).contains("another Slipway run holds the migration lock",
                    "pid " + migrator, "not touched", "where pid = " + migrator);
            assertThat(shop.checksums()).isEqualTo(during);
        }
        migration.get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(shop.db().queryString("select max(version) from slipway_history")).isEqualTo("3");
    }

    @Test
    void aMigrationFailsWhileARestoreRuns() throws Exception {
        Files.writeString(shop.migrations().resolve("V3__create_refunds.sql"),
                "create table refunds (id bigint primary key);\n");
        CompletableFuture<RestoreResult> restore;
        try (Connection reader = shop.db().connect(); Statement statement = reader.createStatement()) {
            // an open transaction that read the shop's tables: pg_restore's first drop waits until it ends
            reader.setAutoCommit(false);
            statement.execute("select (select count(*) from orders), (select count(*) from customers),"
                    + " (select count(*) from \"Audit Log\"), (select count(*) from big_orders)");
            restore = CompletableFuture.supplyAsync(() -> slipway().restore(
                    RestoreRequest.of(backup.id(), shop.db().name()), BackupListener.NONE));
            awaitPid("select pid from pg_stat_activity where application_name = 'pg_restore'"
                    + " and wait_event_type = 'Lock'");

            CompletableFuture<?> migration = CompletableFuture.runAsync(() -> Slipway.configure()
                    .url(shop.db().libpqUrl()).locations(shop.migrations().toString()).lockWait(Duration.ZERO).load()
                    .migrate());
            SlipwayException refusal = catchThrowableOfType(SlipwayException.class, () -> {
                try {
                    migration.get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    throw e.getCause();
                }
            });

            assertThat(refusal).as("the migration was refused").isNotNull();
            assertThat(refusal.getMessage()).contains("another Slipway run holds the migration lock",
                    "application 'slipway backup'");
            reader.rollback();
        }
        RestoreResult restored = restore.get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(restored.revisionAfter()).isEqualTo("2");
        assertThat(shop.db().queryLong("select count(*) from pg_tables where tablename = 'refunds'")).isZero();
    }

    /** {@return the pid the query finds, once it finds one} */
    private int awaitPid(String query) throws Exception {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            String pid = shop.db().queryString("select coalesce((" + query + " limit 1)::text, '')");
            if (!pid.isEmpty()) return Integer.parseInt(pid);
            Thread.sleep(50);
        }
        throw new AssertionError("nothing found by: " + query);
    }
}
