package dev.slipway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts one tool in a fresh JVM and measures it: wall time from just before the process starts to its exit, and its
 * peak resident set, from GNU {@code /usr/bin/time -v} when installed, else from the VmHWM the child reads from
 * /proc just before it exits.
 * <p>Every child gets the same JVM, class path and default JVM options; the password travels in the environment.
 */
final class ChildProcess {
    private static final Path GNU_TIME = Path.of("/usr/bin/time");
    private static final long TIMEOUT_MINUTES = 30;

    private final Path java;
    private final String classPath;
    private final String password;
    private final Path scratch;
    private final boolean gnuTime;

    ChildProcess(Path java, String classPath, String password, Path scratch) {
        this.java = java;
        this.classPath = classPath;
        this.password = password;
        this.scratch = scratch;
        this.gnuTime = gnuTimeWorks();
    }

    /** {@return where peak memory numbers come from, for the report} */
    String rssSource() {
        return gnuTime ? "`/usr/bin/time -v` (maximum resident set size of the java process)"
                : "VmHWM from /proc/self/status, read by the child just before it exits";
    }

    /** Runs {@code tool} once; fails with the child's output when it does not exit cleanly. */
    Measurement run(Tool tool, Mode mode, Workload workload, String jdbcUrl) {
        try {
            Path log = Files.createTempFile(scratch, tool.name().toLowerCase(Locale.ROOT) + "-", ".log");
            Path timeOutput = Files.createTempFile(scratch, "time-", ".txt");
            List<String> command = new ArrayList<>();
            if (gnuTime) command.addAll(List.of(GNU_TIME.toString(), "-v", "-o", timeOutput.toString()));
            command.addAll(List.of(java.toString(), "-cp", classPath, tool.mainClass(), mode.name(),
                    workload.root().toString(), Integer.toString(workload.count()), jdbcUrl));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().put(ChildContext.PASSWORD_VARIABLE, password);
            long startEpoch = System.currentTimeMillis();
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(tool.label() + " " + mode + " on " + workload.count()
                        + " migrations ran longer than " + TIMEOUT_MINUTES + " minutes; its output is in " + log);
            }
            long end = System.nanoTime();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(tool.label() + " " + mode + " on " + workload.count()
                        + " migrations exited with " + process.exitValue() + ":\n" + tail(output));
            }
            Measurement measurement = parse(tool, mode, workload.count(), (end - start) / 1e9, startEpoch, output,
                    gnuTime ? Files.readString(timeOutput, StandardCharsets.UTF_8) : "");
            Files.deleteIfExists(log);
            Files.deleteIfExists(timeOutput);
            return measurement;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + tool.label(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + tool.label() + " ran", e);
        }
    }

    private static Measurement parse(Tool tool, Mode mode, int size, double seconds, long startEpoch, String output,
            String timeReport) {
        String report = output.lines().filter(line -> line.startsWith(ChildContext.REPORT_PREFIX)).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException(tool.label() + " printed no report line:\n"
                        + tail(output)));
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : report.substring(ChildContext.REPORT_PREFIX.length()).trim().split(" ")) {
            int eq = part.indexOf('=');
            fields.put(part.substring(0, eq), part.substring(eq + 1));
        }
        Map<String, Long> phases = new LinkedHashMap<>();
        if (!"-".equals(fields.get("phases"))) {
            for (String phase : fields.get("phases").split(",")) {
                int colon = phase.indexOf(':');
                phases.put(phase.substring(0, colon), Long.parseLong(phase.substring(colon + 1)));
            }
        }
        long main = Long.parseLong(fields.get("main"));
        long done = Long.parseLong(fields.get("done"));
        long rss = timeReport.isEmpty() ? Long.parseLong(fields.get("vmhwm_kb")) : maxResident(timeReport);
        return new Measurement(tool, mode, size, seconds, rss, main - startEpoch, done - main, phases,
                Integer.parseInt(fields.get("applied")));
    }

    private static long maxResident(String timeReport) {
        return timeReport.lines().map(String::trim)
                .filter(line -> line.startsWith("Maximum resident set size (kbytes):"))
                .map(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim()))
                .findFirst().orElse(-1L);
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static boolean gnuTimeWorks() {
        if (!Files.isExecutable(GNU_TIME)) return false;
        try {
            Process probe = new ProcessBuilder(GNU_TIME.toString(), "-v", "true")
                    .redirectErrorStream(true).start();
            String text = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0
                    && text.contains("Maximum resident set size");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
