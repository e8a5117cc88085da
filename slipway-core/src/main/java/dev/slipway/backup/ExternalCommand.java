package dev.slipway.backup;

import dev.slipway.db.PasswordRedactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs the configured backup command ({@code [backup] command}) with {@code sh -c}, in the environment of the
 * PostgreSQL programs plus what it needs to know about the backup. Stateless.
 */
final class ExternalCommand {
    private ExternalCommand() {
    }

    /**
     * Runs {@code command} and waits for it.
     *
     * @param variables added to the environment: {@code SLIPWAY_BACKUP_ID}, {@code SLIPWAY_BACKUP_FILE}, ...
     */
    static CommandRecord run(String command, ClientEnvironment environment, Map<String, String> variables) {
        ProcessBuilder builder = new ProcessBuilder(List.of("sh", "-c", command)).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment.variables());
        builder.environment().putAll(variables);
        long started = System.nanoTime();
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            OutputTail output = OutputTail.of(process.getInputStream(), "backup command output");
            int exitCode = process.waitFor();
            return new CommandRecord(PasswordRedactor.redact(command), exitCode,
                    Duration.ofNanos(System.nanoTime() - started), environment.redact(output.text()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the backup command: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while the backup command ran", e));
        }
    }
}
