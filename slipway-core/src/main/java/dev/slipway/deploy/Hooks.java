package dev.slipway.deploy;

import dev.slipway.config.Durations;
import dev.slipway.db.PasswordRedactor;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
     * @param timeout       how long one command may run; one that runs longer is stopped (with the processes it
     *                      started) and counts as failed
     * @param stopAtFailure true to stop at the first command that fails (before-hooks: nothing should go on after
     *                      a failed "maintenance on"); false to run them all (after-hooks: "maintenance off" must
     *                      run even when a notification before it failed)
     * @return what failed, one line per command that failed; empty when all succeeded
     */
    static List<String> run(List<String> commands, Map<String, String> variables, Duration timeout,
            boolean stopAtFailure, DeployListener listener) {
        List<String> failures = new ArrayList<>();
        for (String command : commands) {
            String failure = runOne(command, variables, timeout, listener);
            if (failure == null) continue;
            failures.add(failure);
            if (stopAtFailure) break;
        }
        return failures;
    }

    /** {@return why {@code command} failed, or null when it exited with 0 in time} */
    private static String runOne(String command, Map<String, String> variables, Duration timeout,
            DeployListener listener) {
        String shown = PasswordRedactor.redact(command);
        ProcessBuilder builder = new ProcessBuilder(List.of("sh", "-c", command)).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(variables);
        Deque<String> tail = new ArrayDeque<>();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return "`" + shown + "` could not run: " + e.getMessage();
        }
        // the lines are read on a thread of their own, so that a hook that prints nothing can still be timed out;
        // they reach the listener on this one, as its contract says
        BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> read(process, lines), "hook output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (Optional<String> line = next(lines, deadline); line != null; line = next(lines, deadline)) {
                if (line.isEmpty()) break;
                String redacted = PasswordRedactor.redact(line.get());
                listener.on(new DeployEvent.HookOutput(shown, redacted));
                tail.addLast(redacted);
                if (tail.size() > TAIL_LINES) tail.removeFirst();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !process.waitFor(left, TimeUnit.NANOSECONDS)) {
                stop(process);
                return "`" + shown + "` was stopped after " + Durations.format(timeout) + " (hooks.timeout)"
                        + (tail.isEmpty() ? "" : "; its last lines: " + String.join(" | ", tail));
            }
            int exitCode = process.exitValue();
            if (exitCode == 0) return null;
            return "`" + shown + "` exited with " + exitCode + (tail.isEmpty() ? " and printed nothing"
                    : "; its last lines: " + String.join(" | ", tail));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
            return "`" + shown + "` was interrupted";
        }
    }

    /** {@return the next line, empty at the end of the output, or null when the deadline passed first} */
    private static Optional<String> next(BlockingQueue<Optional<String>> lines, long deadline)
            throws InterruptedException {
        return lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private static void read(Process process, BlockingQueue<Optional<String>> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(Optional.of(line));
            }
        } catch (IOException e) {
            // the process was stopped, or its output closed: the end of what it says
        }
        lines.add(Optional.empty());
    }

    /** Stops the hook and whatever it started ({@code sh -c} may leave its children running otherwise). */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
