package dev.slipway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What every measured child process shares: its arguments, a data source, phase timings, and the report line the
 * runner reads from its output.
 * <p>Arguments: {@code <APPLY|NOOP> <workload root> <migration count> <jdbc url>}; the user is {@code postgres} and the
 * password comes from the environment variable {@value #PASSWORD_VARIABLE}, so it never shows on a command line.
 * Not thread-safe.
 */
final class ChildContext {
    /** The environment variable that carries the database password to a child. */
    static final String PASSWORD_VARIABLE = "SLIPWAY_BENCH_PASSWORD";
    /** The prefix of the one line a child prints for the runner. */
    static final String REPORT_PREFIX = "bench-report ";

    private final long mainEpochMillis = System.currentTimeMillis();
    private final Map<String, Long> phases = new LinkedHashMap<>();
    private final Mode mode;
    private final Workload workload;
    private final String jdbcUrl;
    private long phaseStart = System.nanoTime();

    private ChildContext(Mode mode, Workload workload, String jdbcUrl) {
        this.mode = mode;
        this.workload = workload;
        this.jdbcUrl = jdbcUrl;
    }

    static ChildContext fromArgs(String[] args) {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: <APPLY|NOOP> <workload root> <migration count> <jdbc url>");
        }
        return new ChildContext(Mode.valueOf(args[0]), new Workload(Path.of(args[1]), Integer.parseInt(args[2])),
                args[3]);
    }

    Mode mode() {
        return mode;
    }

    Workload workload() {
        return workload;
    }

    /** {@return a plain PgJDBC data source, the same kind for every tool} */
    DataSource dataSource() {
        return dataSource(jdbcUrl, System.getenv(PASSWORD_VARIABLE));
    }

    static DataSource dataSource(String jdbcUrl, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser("postgres");
        dataSource.setPassword(password);
        return dataSource;
    }

    /** Ends the current phase under {@code name}; phases are timed back to back from {@code main}. */
    void phase(String name) {
        long now = System.nanoTime();
        phases.put(name, (now - phaseStart) / 1_000_000);
        phaseStart = now;
    }

    /**
     * Prints the report line: migrations applied, when {@code main} started and ended (epoch ms, so the runner can
     * split JVM start-up from work), the phases, and VmHWM, the peak resident set read from /proc just before exit.
     */
    void report(int applied) {
        String phaseText = phases.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(","));
        System.out.println(REPORT_PREFIX + "applied=" + applied + " main=" + mainEpochMillis + " done="
                + System.currentTimeMillis() + " phases=" + (phaseText.isEmpty() ? "-" : phaseText)
                + " vmhwm_kb=" + peakResidentKb());
        System.out.flush();
    }

    private static long peakResidentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no /proc: the runner falls back to /usr/bin/time or reports nothing
        }
        return -1;
    }
}
