package dev.slipway.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The launcher also works for a normal user: when the suite runs as root (as in CI), this runs a server from a JVM
 * that is {@code nobody}, with a copy of the class path that user can read.
 */
@EnabledIf("runsAsRoot")
class NonRootUserTest {

    static boolean runsAsRoot() {
        return OsUser.current().isRoot();
    }

    @Test
    void aNormalUserStartsQueriesAndStopsAServer() throws Exception {
        Path copy = Files.createTempDirectory("slipway-nonroot-");
        try {
            List<String> classPath = new ArrayList<>();
            int i = 0;
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path source = Path.of(entry);
                if (!Files.exists(source)) continue;
                Path target = copy.resolve(i++ + "-" + source.getFileName());
                copyTree(source, target);
                classPath.add(target.toString());
            }
            makeReadable(copy);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of("runuser", "-u", OsUser.SERVER_USER_WHEN_ROOT, "--", java,
                    "-Djava.io.tmpdir=" + copy.resolve("tmp"), "-Duser.home=" + copy.resolve("tmp"), "-cp",
                    String.join(File.pathSeparator, classPath)));
            String archives = System.getProperty("slipway.postgres.archives");
            if (archives != null) command.add(1 + command.indexOf("--") + 1, "-Dslipway.postgres.archives=" + archives);
            command.addAll(List.of(NonRootSmoke.class.getName(), Integer.toString(PostgresServerTest.MAJOR)));
            Files.createDirectories(copy.resolve("tmp"));
            Files.setPosixFilePermissions(copy.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
            Process process = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("ok " + OsUser.SERVER_USER_WHEN_ROOT + " " + PostgresServerTest.MAJOR);
        } finally {
            TempFiles.deleteTree(copy);
        }
    }

    private static void copyTree(Path source, Path target) throws Exception {
        if (Files.isRegularFile(source)) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path to = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void makeReadable(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }
}
