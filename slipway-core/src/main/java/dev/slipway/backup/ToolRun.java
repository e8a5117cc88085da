package dev.slipway.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of a PostgreSQL program: started with the {@link ClientEnvironment}, its errors drained into an
 * {@link OutputTail}, its standard output left to the caller (or discarded). Not thread-safe.
 */
final class ToolRun {
    private final ClientTool tool;
    private final Process process;
    private final OutputTail errors;
    private final ClientEnvironment environment;

    private ToolRun(ClientTool tool, Process process, ClientEnvironment environment) {
        this.tool = tool;
        this.process = process;
        this.environment = environment;
        this.errors = OutputTail.of(process.getErrorStream(), tool.program() + " errors");
    }

    /**
     * Starts {@code tool} with {@code arguments}.
     *
     * @param keepOutput whether the caller reads standard output (otherwise it is discarded)
     */
    static ToolRun start(ClientTool tool, List<String> arguments, ClientEnvironment environment, boolean keepOutput) {
        ProcessBuilder builder = builder(tool, arguments, environment);
        if (!keepOutput) builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return new ToolRun(tool, process, environment);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + tool.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts two programs with the first one's standard output connected to the second one's input by the
     * operating system (the data does not pass through this JVM); the second one's output is discarded.
     */
    static List<ToolRun> piped(ClientTool first, List<String> firstArguments, ClientTool second,
            List<String> secondArguments, ClientEnvironment environment) {
        ProcessBuilder from = builder(first, firstArguments, environment);
        ProcessBuilder to = builder(second, secondArguments, environment)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            List<Process> processes = ProcessBuilder.startPipeline(List.of(from, to));
            processes.get(0).getOutputStream().close();
            return List.of(new ToolRun(first, processes.get(0), environment),
                    new ToolRun(second, processes.get(1), environment));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + first.describe() + " | " + second.describe() + ": "
                    + e.getMessage(), e);
        }
    }

    private static ProcessBuilder builder(ClientTool tool, List<String> arguments, ClientEnvironment environment) {
        List<String> command = new ArrayList<>();
        command.add(tool.path().toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment.variables());
        return builder;
    }

    /** {@return the program's standard output} */
    InputStream output() {
        return process.getInputStream();
    }

    /** {@return the process, e.g. for its pid} */
    Process process() {
        return process;
    }

    /** Waits for the program to end and returns its exit code. */
    int await() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(tool.program() + " was interrupted", e));
        }
    }

    /** {@return what the program wrote to standard error (its end), passwords masked} */
    String errors() {
        return environment.redact(errors.text());
    }

    /** {@return "pg_dump failed (exit 1): <its message>"} for a run that failed */
    String failure(int exitCode) {
        String text = errors();
        return tool.program() + " " + tool.version() + " failed (exit " + exitCode + ")"
                + (text.isEmpty() ? "" : ":\n    " + text.replace("\n", "\n    "));
    }

    /** Stops the program: politely, then forcibly. */
    void stop() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
