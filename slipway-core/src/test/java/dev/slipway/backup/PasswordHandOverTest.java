package dev.slipway.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.config.BackupConfig;
import dev.slipway.testkit.PostgresServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The password reaches pg_dump in a password file only its user can read, never on its command line, which every
 * user of the machine can read in {@code /proc/<pid>/cmdline}; the file is gone when the backup is.
 */
class PasswordHandOverTest {
    @TempDir
    Path project;

    private Shop shop;

    @BeforeEach
    void createShop() throws Exception {
        shop = Shop.create(PostgresServers.defaultMajor(), "password", project);
    }

    @AfterEach
    void dropShop() {
        shop.drop();
    }

    @Test
    void theRunningPgDumpShowsNoPasswordAndTheFilesAreOwnerOnly() throws Exception {
        String password = shop.db().server().password();
        CompletableFuture<BackupResult> backup;
        List<String> arguments;
        List<String> variables;
        try (Connection blocker = shop.db().connect(); Statement statement = blocker.createStatement()) {
            // pg_dump waits for this lock, so it is still running while its /proc entries are read
            blocker.setAutoCommit(false);
            statement.execute("lock table orders in access exclusive mode");
            backup = CompletableFuture.supplyAsync(() -> shop.slipway(BackupConfig.defaults()
                    .withDirectory(project.resolve("backups"))).backup(BackupRequest.wholeDatabase(),
                    BackupListener.NONE));
            ProcessHandle pgDump = awaitWaitingPgDump();
            arguments = Arrays.asList(read(pgDump, "cmdline").split("\0"));
            variables = Arrays.asList(read(pgDump, "environ").split("\0"));
            blocker.rollback();
        }

        assertThat(arguments.get(0)).endsWith("pg_dump");
        assertThat(arguments).contains("--format=custom", "--no-password",
                "--dbname=postgresql://postgres@127.0.0.1:" + shop.db().server().port() + "/" + shop.db().name());
        assertThat(String.join(" ", arguments)).doesNotContain(password);
        assertThat(variables).noneMatch(variable -> variable.startsWith("PGPASSWORD="));
        assertThat(String.join(" ", variables)).doesNotContain(password);
        Path passFile = variables.stream().filter(variable -> variable.startsWith("PGPASSFILE="))
                .map(variable -> Path.of(variable.substring("PGPASSFILE=".length()))).findFirst().orElseThrow();
        assertThat(Files.readString(passFile)).contains(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passFile.getParent())))
                .isEqualTo("rwx------");

        BackupResult made = backup.get(60, TimeUnit.SECONDS);
        assertThat(passFile).doesNotExist();
        assertThat(passFile.getParent()).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made.backup().location())))
                .isEqualTo("rw-------");
    }

    /** {@return this JVM's pg_dump once the server shows it waiting for the lock} */
    private ProcessHandle awaitWaitingPgDump() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            boolean waiting = shop.db().queryLong("select count(*) from pg_stat_activity where application_name ="
                    + " 'pg_dump' and wait_event_type = 'Lock'") > 0;
            Optional<ProcessHandle> pgDump = ProcessHandle.current().descendants()
                    .filter(process -> read(process, "cmdline").split("\0")[0].endsWith("/pg_dump")).findFirst();
            if (waiting && pgDump.isPresent()) return pgDump.get();
            Thread.sleep(50);
        }
        throw new AssertionError("no waiting pg_dump within 30 s");
    }

    private static String read(ProcessHandle process, String entry) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), entry)),
                    StandardCharsets.UTF_8);
        } catch (IOException gone) {
            return "";
        }
    }
}
