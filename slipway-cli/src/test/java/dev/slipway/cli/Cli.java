package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command line as a separate process, the way a user does: its own JVM, a working directory and HOME of its
 * own, and no PG* or DATABASE_URL variables unless a test sets them.
 */
final class Cli {
    private final Path workDir;
    private final Map<String, String> variables;

    Cli(Path workDir, Map<String, String> variables) {
        this.workDir = workDir;
        this.variables = variables;
    }

    Result run(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java,
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("PG") || key.equals("DATABASE_URL")
                || key.startsWith("SLIPWAY_"));
        builder.environment().put("HOME", workDir.toString());
        builder.environment().put("NO_COLOR", "1");
        builder.environment().putAll(variables);
        Path out = Files.createTempFile("slipway-cli-out", ".txt");
        Path err = Files.createTempFile("slipway-cli-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("slipway " + String.join(" ", args) + " did not finish in 120 s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** What a run printed and returned. */
    record Result(int exitCode, String stdout, String stderr) {
        Result exitsWith(int expected) {
            assertThat(exitCode).as("exit code; stdout:%n%s%nstderr:%n%s", stdout, stderr).isEqualTo(expected);
            return this;
        }

        Result stdoutContains(String... texts) {
            assertThat(stdout).contains(texts);
            return this;
        }

        Result stderrContains(String... texts) {
            assertThat(stderr).contains(texts);
            return this;
        }

        Result printsNowhere(String secret) {
            assertThat(stdout).doesNotContain(secret);
            assertThat(stderr).doesNotContain(secret);
            return this;
        }
    }
}
