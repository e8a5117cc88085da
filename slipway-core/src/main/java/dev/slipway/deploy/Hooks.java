package dev.slipway.deploy;

import dev.slipway.db.PasswordRedactor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Runs an environment's hook commands ({@code hooks.before}, {@code hooks.after}) with {@code sh -c} in the current
 * folder, in Slipway's environment plus variables that say what is being deployed. Their output goes to the
 * listener line by line. Stateless.
 */
final class Hooks {
    /** How many of a failed hook's last lines its failure message quotes. */
    private static final int TAIL_LINES = 10;

    private Hooks() {
    }

    /**
     * Runs {@code commands} in order.
     *
     * @param stopAtFailure true to stop at the first command that fails (before-hooks: nothing should go on after
     *                      a failed "maintenance on"); false to run them all (after-hooks: "maintenance off" must
     *                      run even when a notification before it failed)
     * @return what failed, one line per command that failed; empty when all succeeded
     */
    static List<String> run(List<String> commands, Map<String, String> variables, boolean stopAtFailure,
            DeployListener listener) {
        List<String> failures = new ArrayList<>();
        for (String command : commands) {
            String failure = runOne(command, variables, listener);
            if (failure == null) continue;
            failures.add(failure);
            if (stopAtFailure) break;
        }
        return failures;
    }

    /** {@return why {@code command} failed, or null when it exited with 0} */
    private static String runOne(String command, Map<String, String> variables, DeployListener listener) {
        String shown = PasswordRedactor.redact(command);
        ProcessBuilder builder = new ProcessBuilder(List.of("sh", "-c", command)).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(variables);
        Deque<String> tail = new ArrayDeque<>();
        try {
            Process process = builder.start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String redacted = PasswordRedactor.redact(line);
                    listener.on(new DeployEvent.HookOutput(shown, redacted));
                    tail.addLast(redacted);
                    if (tail.size() > TAIL_LINES) tail.removeFirst();
                }
            }
            int exitCode = process.waitFor();
            if (exitCode == 0) return null;
            return "`" + shown + "` exited with " + exitCode + (tail.isEmpty() ? " and printed nothing"
                    : "; its last lines: " + String.join(" | ", tail));
        } catch (IOException e) {
            return "`" + shown + "` could not run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "`" + shown + "` was interrupted";
        }
    }
}
