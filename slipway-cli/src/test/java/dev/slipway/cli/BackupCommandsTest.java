package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.Slipway;
import dev.slipway.testkit.PostgresServers;
import dev.slipway.testkit.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backup}, {@code backups} and {@code restore} as a user runs them: exit codes, output, the prompt. */
class BackupCommandsTest {
    @TempDir
    Path project;

    private TestDatabase db;
    private Cli cli;
    private String url;
    private String password;

    @BeforeEach
    void setUp() throws Exception {
        db = PostgresServers.newDatabase(PostgresServers.defaultMajor(), "backupcli");
        url = db.libpqUrl();
        password = db.server().password();
        cli = new Cli(project, Map.of());
        Path migrations = Files.createDirectories(project.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__create_applications.sql"),
                "create table applications (id bigint primary key, email text not null);\n");
        Files.writeString(migrations.resolve("V2__add_interview_dates.sql"),
                "alter table applications add column interview_dates date[];\n");
        // applied in-process: each command-line run starts a JVM, and these tests run enough of them
        Slipway.configure().url(url).locations(migrations.toString()).load().migrate();
        db.execute("insert into applications (id, email) select i, 'a' || i || '@example.com'"
                + " from generate_series(1, 2000) i");
    }

    @AfterEach
    void dropDatabase() {
        db.server().dropDatabase(db.name());
    }

    private String snapshot() throws Exception {
        return db.queryString("select count(*) || ':' || md5(string_agg(a::text, ',' order by id))"
                + " from applications a") + " v" + db.queryString("select max(version) from slipway_history");
    }

    @Test
    void backUpListAndRestoreOnlyWithTheDatabaseName() throws Exception {
        Cli.Result made = cli.run("backup", "--url", url).exitsWith(0)
                .stdoutContains("backup " + db.name() + "-2-", "verified by pg_restore --list", "sha256")
                .printsNowhere(password);
        String id = made.stdout().lines().filter(line -> line.startsWith("backup ")).findFirst().orElseThrow()
                .split(" ")[1];
        assertThat(project.resolve("backups/" + id + ".dump")).exists();

        JsonNode json = new ObjectMapper().readTree(cli.run("backup", "--url", url, "--format", "json")
                .exitsWith(0).stdout());
        assertThat(json.at("/backup/revision").asText()).isEqualTo("2");
        assertThat(json.at("/backup/sha256").asText()).hasSize(64);
        assertThat(json.at("/location").asText()).endsWith(".dump");

        cli.run("backups").exitsWith(0).stdoutContains("2 backup(s) in backups", id, "custom", "listed");
        JsonNode listed = new ObjectMapper().readTree(cli.run("backups", "--format", "json").exitsWith(0).stdout());
        assertThat(listed.get("backups")).hasSize(2);

        String saved = snapshot();
        Files.writeString(project.resolve("db/migration/V3__drop_email.sql"),
                "alter table applications drop column email;\n");
        cli.run("migrate", "--url", url).exitsWith(0);
        db.execute("delete from applications where id > 1000");
        String changed = snapshot();

        cli.run("restore", id, "--url", url).exitsWith(2)
                .stderrContains("needs the database name", "--confirm " + db.name(), "--yes is not enough");
        cli.run("restore", id, "--url", url, "--yes").exitsWith(2).stderrContains("--yes is not enough");
        cli.run("restore", id, "--url", url, "--confirm", "postgres").exitsWith(2)
                .stderrContains("the confirmation 'postgres' does not name the database");
        assertThat(snapshot()).isEqualTo(changed);

        cli.run("restore", id, "--url", url, "--confirm", db.name()).exitsWith(0)
                .stdoutContains("restored " + id, "one transaction", "revision: 3 -> 2",
                        "roll the application code back").printsNowhere(password);
        assertThat(snapshot()).isEqualTo(saved);
    }

    @Test
    void aCorruptBackupIsRefusedBeforeTheDatabaseIsTouched() throws Exception {
        cli.run("backup", "--url", url, "--directory", "kept").exitsWith(0);
        Path dump;
        try (var files = Files.list(project.resolve("kept"))) {
            dump = files.filter(f -> f.toString().endsWith(".dump")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(dump);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(dump, bytes);
        db.execute("delete from applications");
        cli.run("restore", dump.toString(), "--url", url, "--confirm", db.name()).exitsWith(2)
                .stderrContains("is damaged", "SHA-256", "database: not touched");
        assertThat(db.queryLong("select count(*) from applications")).isZero();
    }

    @Test
    void atThePromptOfAProtectedEnvironmentTheTypedNameDecides() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script for a pseudo-terminal");
        Files.writeString(project.resolve("slipway.toml"), "[environments.production]\nurl = \"" + url
                + "\"\nprotected = true\n");
        cli.run("backup", "--env", "production").exitsWith(0);
        db.execute("delete from applications where id <= 10");

        Cli.Result wrong = onTerminal("staging\n", "restore", "latest", "--env", "production").exitsWith(2)
                .stdoutContains("Type the database name to continue:", "does not name the database");
        assertThat(wrong.stdout()).contains("into database " + db.name(), "now at revision 2",
                "(environment production, protected)");
        assertThat(db.queryLong("select count(*) from applications")).isEqualTo(1990);

        onTerminal(db.name() + "\n", "restore", "latest", "--env", "production", "--yes").exitsWith(0)
                .stdoutContains("Type the database name to continue:", "restored ").printsNowhere(password);
        assertThat(db.queryLong("select count(*) from applications")).isEqualTo(2000);
    }

    @Test
    void aFullOrReadOnlyBackupDirectoryLeavesNothingBehind() throws Exception {
        assumeTrue(new ProcessBuilder("unshare", "-rm", "true").start().waitFor() == 0,
                "mount namespaces (unshare -rm) for a small file system");
        Path mount = Files.createDirectories(project.resolve("small"));

        Cli.Result full = inNamespace("mount -t tmpfs -o size=8k tmpfs " + mount, mount, "backup", "--url", url,
                "--directory", mount.toString());
        full.exitsWith(1).stderrContains("No space left on device", "no backup was kept", "free space")
                .stdoutContains("left in the directory: []").printsNowhere(password);

        Cli.Result readOnly = inNamespace("mount -t tmpfs -o ro,size=1m tmpfs " + mount, mount, "backup", "--url",
                url, "--directory", mount.toString());
        readOnly.exitsWith(2).stderrContains("the backup directory cannot be used", "Read-only file system")
                .stdoutContains("left in the directory: []");
    }

    @Test
    void aMissingPgDumpIsBadUsageThatSaysHowToInstallIt() throws Exception {
        Path emptyBin = Files.createDirectories(project.resolve("bin"));
        new Cli(project, Map.of("SLIPWAY_BACKUP_BIN_DIR", emptyBin.toString())).run("backup", "--url", url)
                .exitsWith(2).stderrContains("pg_dump 15 or newer is needed", "none was found in " + emptyBin,
                        "postgresql-client-15").printsNowhere(password);
        cli.run("--help").exitsWith(0).stdoutContains("backup", "backups", "restore");
    }

    /** Runs the command line on a pseudo-terminal (util-linux {@code script}) and types {@code input} into it. */
    private Cli.Result onTerminal(String input, String... args) throws Exception {
        return run(List.of("script", "-qec", shell(javaCommand(args)), "/dev/null"), input);
    }

    /** Runs the command line in a mount namespace after {@code setup}, then lists what is left in {@code folder}. */
    private Cli.Result inNamespace(String setup, Path folder, String... args) throws Exception {
        String script = setup + " || exit 99; " + shell(javaCommand(args)) + "; code=$?; echo \"left in the"
                + " directory: [$(ls -A " + folder + " | tr '\\n' ' ')]\"; exit $code";
        return run(List.of("unshare", "-rm", "sh", "-c", script), "");
    }

    private static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static String shell(List<String> words) {
        return words.stream().map(word -> "'" + word.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    }

    private Cli.Result run(List<String> command, String input) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("PG") || key.equals("DATABASE_URL")
                || key.startsWith("SLIPWAY_"));
        builder.environment().put("HOME", project.toString());
        Path out = Files.createTempFile("slipway-cli-out", ".txt");
        Path err = Files.createTempFile("slipway-cli-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            } catch (IOException ended) {
                // it did not wait for input
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
            }
            return new Cli.Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
