package dev.slipway.bench;

import dev.slipway.embedded.PostgresServer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A backfill of a large table, the same migration file for every tool, while the application keeps writing: a
 * writer thread updates one random row every few milliseconds and times each write. Slipway reads the file's
 * {@code -- slipway:batch} directive and commits range by range; to Flyway and Liquibase it is a comment, so they
 * run the {@code UPDATE} in one transaction, as Slipway does without the directive. Prints Markdown: the medians of
 * the migration's duration and of the writer's longest and 99th-percentile waits.
 * <pre>
 * java -cp 'slipway-bench/target/slipway-bench-VERSION.jar:slipway-bench/target/lib/*' \
 *     dev.slipway.bench.BackfillBenchmark [--rows 1000000] [--batch 10000] [--runs 3] [--pg 15]
 * </pre>
 */
public final class BackfillBenchmark {
    private static final String DATABASE = "backfill";
    /** The writer's pause between two writes. */
    private static final long WRITER_PAUSE_MS = 5;
    /** A write that waits longer than this is one a user of the application would notice. */
    private static final long SLOW_WRITE_MS = 100;

    private BackfillBenchmark() {
    }

    /** What one tool did in one run. */
    /** What one tool did in one run; {@code failure} is the first line of its error when it did not finish. */
    private record Sample(String side, double seconds, double maxWaitMs, int slowWrites, int writes, String failure) {
    }

    /** One way of running the file: a tool, and whether the file carries the batch directive. */
    private record Side(String name, boolean batched, Runner runner) {
    }

    @FunctionalInterface
    private interface Runner {
        void migrate(Workload workload, DataSource dataSource);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--rows", "1000000", "--batch", "10000",
                "--runs", "3", "--pg", "15"));
        for (int i = 0; i + 1 < args.length; i += 2) options.put(args[i], args[i + 1]);
        int rows = Integer.parseInt(options.get("--rows"));
        int batch = Integer.parseInt(options.get("--batch"));
        int runs = Integer.parseInt(options.get("--runs"));
        List<Side> sides = List.of(
                new Side("Slipway, `-- slipway:batch key=id size=" + batch + "`", true,
                        (workload, dataSource) -> SlipwayChild.run(workload, dataSource, Phases.NONE)),
                new Side("Slipway, the same file without the directive", false,
                        (workload, dataSource) -> SlipwayChild.run(workload, dataSource, Phases.NONE)),
                new Side("Flyway", true,
                        (workload, dataSource) -> FlywayChild.run(workload, dataSource, Phases.NONE)),
                new Side("Liquibase", true,
                        (workload, dataSource) -> LiquibaseChild.run(workload, dataSource, Phases.NONE)));
        Path scratch = Files.createTempDirectory("slipway-backfill-");
        List<Sample> samples = new ArrayList<>();
        // Liquibase prints its summary on standard output: the runs write there to standard error instead, so
        // standard output holds only the Markdown
        PrintStream markdown = System.out;
        System.setOut(System.err);
        try (PostgresServer server = PostgresServer.start(Integer.parseInt(options.get("--pg")))) {
            for (int run = 0; run < runs; run++) {
                for (int k = 0; k < sides.size(); k++) {
                    Side side = sides.get((k + run) % sides.size());
                    Sample sample = measure(server, scratch.resolve("run" + run + "-" + k), side, rows, batch);
                    System.err.printf(Locale.ROOT, "run %d, %s: %.2f s, longest write %.0f ms, %d of %d writes"
                            + " over %d ms%s%n", run + 1, side.name(), sample.seconds(), sample.maxWaitMs(),
                            sample.slowWrites(), sample.writes(), SLOW_WRITE_MS,
                            sample.failure() == null ? "" : "; FAILED: " + sample.failure());
                    samples.add(sample);
                }
            }
            print(markdown, server.major(), rows, batch, runs, sides, samples);
        }
    }

    private static Sample measure(PostgresServer server, Path root, Side side, int rows, int batch)
            throws Exception {
        server.dropDatabase(DATABASE);
        server.createDatabase(DATABASE);
        try (Connection setup = server.connect(DATABASE); Statement sql = setup.createStatement()) {
            // in a schema of its own: Flyway refuses to start on a non-empty public schema without its history
            sql.execute("create schema app");
            sql.execute("create table app.accounts (id bigint primary key, email text not null, domain text,"
                    + " seen int not null default 0)");
            sql.execute("insert into app.accounts (id, email) select g, 'user' || g || '@example' || (g % 97)"
                    + " || '.com' from generate_series(1, " + rows + ") g");
            sql.execute("vacuum analyze app.accounts");
            sql.execute("checkpoint");
        }
        Workload workload = Workload.single(root, "backfill_domains",
                "-- Fill the new domain column from the e-mail address.\n"
                        + (side.batched() ? "-- slipway:batch key=id size=" + batch + "\n" : "")
                        + "UPDATE app.accounts SET domain = split_part(email, '@', 2) WHERE domain IS NULL;\n");
        DataSource dataSource = ChildContext.dataSource(server.jdbcUrl(DATABASE), server.password());
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Long> waits = new ArrayList<>();
        Thread writer = new Thread(() -> write(server, rows, writing, waits), "writer");
        writer.start();
        Thread.sleep(200);
        long start = System.nanoTime();
        String failure = null;
        try {
            side.runner().migrate(workload, dataSource);
        } catch (RuntimeException e) {
            // Slipway's watchdog cancels a statement others wait behind too long: a result, not a crash
            failure = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        writing.set(false);
        writer.join();
        try (Connection check = server.connect(DATABASE); Statement sql = check.createStatement();
             var left = sql.executeQuery("select count(*) from app.accounts where domain is null")) {
            left.next();
            long expected = failure == null ? 0 : rows;
            if (left.getLong(1) != expected) {
                throw new IllegalStateException(side.name() + " left " + left.getLong(1) + " rows without a domain"
                        + (failure == null ? "" : " after failing: " + failure));
            }
        }
        long[] sorted;
        synchronized (waits) {
            sorted = waits.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        if (sorted.length == 0) throw new IllegalStateException("the writer wrote nothing");
        int slow = (int) Arrays.stream(sorted).filter(nanos -> nanos > SLOW_WRITE_MS * 1_000_000).count();
        return new Sample(side.name(), seconds, sorted[sorted.length - 1] / 1e6, slow, sorted.length, failure);
    }

    /** Updates one random row at a time until told to stop, recording how long each write took. */
    private static void write(PostgresServer server, int rows, AtomicBoolean writing, List<Long> waits) {
        try (Connection connection = server.connect(DATABASE);
             PreparedStatement touch = connection.prepareStatement("update app.accounts set seen = seen + 1"
                     + " where id = ?")) {
            while (writing.get()) {
                touch.setLong(1, 1 + ThreadLocalRandom.current().nextInt(rows));
                long start = System.nanoTime();
                touch.executeUpdate();
                long took = System.nanoTime() - start;
                synchronized (waits) {
                    waits.add(took);
                }
                Thread.sleep(WRITER_PAUSE_MS);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the writer failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void print(PrintStream out, int pgMajor, int rows, int batch, int runs, List<Side> sides,
            List<Sample> samples) {
        out.printf(Locale.ROOT, "PostgreSQL %d, %,d rows, batches of %,d, %d runs per side (medians):%n%n",
                pgMajor, rows, batch, runs);
        out.println("| the file | run by | duration | longest write | writes over " + SLOW_WRITE_MS
                + " ms | writes |");
        out.println("|---|---|---:|---:|---:|---:|");
        for (Side side : sides) {
            List<Sample> mine = samples.stream().filter(s -> s.side().equals(side.name())).toList();
            long failed = mine.stream().filter(sample -> sample.failure() != null).count();
            out.printf(Locale.ROOT, "| %s | %s | %.2f s%s | %,.0f ms | %,.0f | %,.0f |%n",
                    side.batched() ? "with the directive" : "without it", side.name(),
                    median(mine.stream().mapToDouble(Sample::seconds).toArray()),
                    failed == 0 ? "" : ", then refused (" + failed + " of " + mine.size() + " runs; see below)",
                    median(mine.stream().mapToDouble(Sample::maxWaitMs).toArray()),
                    median(mine.stream().mapToDouble(Sample::slowWrites).toArray()),
                    median(mine.stream().mapToDouble(Sample::writes).toArray()));
        }
        samples.stream().filter(sample -> sample.failure() != null).map(Sample::failure).findFirst()
                .ifPresent(failure -> out.println("\nRefused, in the first run that was: " + failure));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
