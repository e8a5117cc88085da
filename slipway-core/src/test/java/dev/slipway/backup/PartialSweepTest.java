package dev.slipway.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Slipway;
import dev.slipway.config.BackupConfig;
import dev.slipway.testkit.PostgresServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup killed with SIGKILL cannot remove its partial dump; the next backup, or {@code slipway backups}, does,
 * while the partial of a backup that is still running stays where it is and that backup completes.
 */
class PartialSweepTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path project;

    private Shop shop;
    private Path backups;

    @BeforeEach
    void createShop() throws Exception {
        shop = Shop.create(PostgresServers.defaultMajor(), "sweep", project);
        backups = project.resolve("backups");
    }

    @AfterEach
    void dropShop() {
        shop.drop();
    }

    private Slipway slipway() {
        return shop.slipway(BackupConfig.defaults().withDirectory(backups));
    }

    @Test
    void aKilledBackupsPartialIsSweptWhileARunningOnesIsNot() throws Exception {
        Process running;
        Process killed;
        // while this transaction holds the lock, both backups' pg_dump wait for it, with their partial dumps open
        try (Connection blocker = shop.db().connect(); Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            statement.execute("lock table orders in access exclusive mode");
            running = startBackup();
            killed = startBackup();
            Path runningPartial = partialOf(running);
            Path killedPartial = partialOf(killed);
            awaitWaitingDumps(2);

            killed.destroyForcibly();
            assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(killedPartial).as("no clean-up ran in the killed JVM").exists();

            BackupListing listing = slipway().backups();
            assertThat(listing.swept()).containsExactly(killedPartial);
            assertThat(killedPartial).doesNotExist();
            assertThat(runningPartial).exists();
            blocker.rollback();
        }
        assertThat(running.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(running.exitValue()).as(output).isZero();
        BackupListing after = slipway().backups();
        assertThat(after.backups()).extracting(StoredBackup::id).containsExactly(output.trim().substring(5));
        assertThat(partials()).isEmpty();
    }

    @Test
    void theNextBackupSweepsAPartialWhoseWriterIsGoneAndKeepsThoseItCannotJudge() throws Exception {
        Files.createDirectories(backups);
        Process gone = new ProcessBuilder("sleep", "60").start();
        long start = gone.info().startInstant().orElseThrow().getEpochSecond();
        gone.destroyForcibly().waitFor();
        PartialOwner here = PartialOwner.current();
        Path dead = Files.createFile(backups.resolve(".shop-2-20250101T000000Z.dump.partial-" + gone.pid() + "-"
                + start + "@" + here.host() + "-0123456789ab"));
        Path deadFolder = Files.createDirectories(backups.resolve(".shop-2-20250101T000001Z.partial-" + gone.pid()
                + "-" + start + "@" + here.host() + "-0123456789ac"));
        Files.writeString(deadFolder.resolve("toc.dat"), "half a dump");
        Path otherHost = Files.createFile(backups.resolve(".shop-2-20250101T000002Z.dump.partial-" + gone.pid()
                + "-" + start + "@elsewhere.example-0123456789ad"));
        Path alive = Files.createFile(backups.resolve(".shop-2-20250101T000003Z.dump.partial-"
                + ProcessHandle.current().pid() + "-" + here.start() + "@" + here.host() + "-0123456789ae"));
        Path reusedPid = Files.createFile(backups.resolve(".shop-2-20250101T000005Z.dump.partial-"
                + ProcessHandle.current().pid() + "-" + (here.start() - 3600) + "@" + here.host() + "-0123456789b0"));
        Path otherForm = Files.createFile(backups.resolve(".shop-2-20250101T000004Z.dump.partial-0123456789af"));

        List<String> steps = new ArrayList<>();
        slipway().backup(BackupRequest.wholeDatabase(), event -> {
            if (event instanceof BackupEvent.Step step) steps.add(step.text());
        });

        assertThat(dead).doesNotExist();
        assertThat(deadFolder).doesNotExist();
        assertThat(otherHost).as("another host's process cannot be seen from here").exists();
        assertThat(alive).as("this process is alive").exists();
        assertThat(reusedPid).as("its pid now belongs to a process started later").doesNotExist();
        assertThat(otherForm).as("a name without its writer is left alone").exists();
        assertThat(steps).anyMatch(step -> step.contains("removed " + dead) && step.contains("killed"));
    }

    private Process startBackup() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), KillableBackup.class.getName(),
                backups.toString(), shop.migrations().toString());
        builder.environment().put("SLIPWAY_TEST_URL", shop.db().libpqUrl());
        builder.redirectErrorStream(true);
        return builder.start();
    }

    /** {@return the partial dump the backup in {@code process} writes, once it is there} */
    private Path partialOf(Process process) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Path> partial = partials().stream()
                    .filter(path -> path.getFileName().toString().contains(".partial-" + process.pid() + "-"))
                    .findFirst();
            if (partial.isPresent()) return partial.get();
            assertThat(process.isAlive()).as("backup " + process.pid() + " still runs").isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("no partial dump of " + process.pid() + " in " + backups);
    }

    /** Waits until {@code count} pg_dump sessions wait for the lock this test holds. */
    private void awaitWaitingDumps(int count) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (shop.db().queryLong("select count(*) from pg_stat_activity where application_name = 'pg_dump'"
                + " and wait_event_type = 'Lock'") < count) {
            assertThat(System.nanoTime()).as("pg_dump waits for the lock").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private List<Path> partials() throws IOException {
        if (!Files.isDirectory(backups)) return List.of();
        try (Stream<Path> files = Files.list(backups)) {
            return files.filter(path -> path.getFileName().toString().contains(".partial-")).toList();
        }
    }
}
