package dev.slipway.bench;

import dev.slipway.embedded.PostgresServer;
import dev.slipway.testkit.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs Slipway, Flyway, Liquibase and the plain-JDBC floor side by side and writes the Markdown report.
 * <p>One PostgreSQL server for the whole run. For each size, each run and each tool (the order rotates from run to
 * run, so drift on a noisy machine spreads over every tool): a fresh database, a child JVM that applies every
 * migration, a check that the schema is what the migrations make, then a second child JVM on the same database with
 * nothing left to apply. See {@link BenchOptions#USAGE} for the options.
 */
public final class BenchmarkRunner {
    private final BenchOptions options;
    private final PrintStream progress;

    BenchmarkRunner(BenchOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Runs the benchmark and writes the report named by {@code --out}. */
    public static void main(String[] args) throws IOException {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Results results;
        try (PostgresServer server = PostgresServer.start(options.pgMajor())) {
            results = new BenchmarkRunner(options, System.out).run(server);
        }
        MarkdownReport.write(options.out(), results);
        System.out.println("wrote " + options.out().toAbsolutePath());
    }

    /** Runs every measurement on {@code server}; each run gets databases of its own, dropped afterwards. */
    Results run(PostgresServer server) throws IOException {
        long started = System.nanoTime();
        Path scratch = Files.createTempDirectory("slipway-bench-");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            MachineFacts facts = MachineFacts.collect(server, java);
            ChildProcess children = new ChildProcess(java, options.classPath(), server.password(), scratch);
            progress.println("PostgreSQL " + server.major() + " on port " + server.port() + "; peak memory from "
                    + children.rssSource());
            if (options.warmup()) warmUp(server, children, Workload.generate(scratch.resolve("warmup"), 20));
            List<Measurement> measurements = new ArrayList<>();
            for (int size : options.sizes()) {
                Workload workload = Workload.generate(scratch.resolve("size-" + size), size);
                String[] digest = new String[1];
                for (int run = 0; run < options.runs(); run++) {
                    for (int i = 0; i < options.tools().size(); i++) {
                        Tool tool = options.tools().get((i + run) % options.tools().size());
                        measurements.addAll(measurePair(server, children, tool, workload, run, digest));
                    }
                }
                deleteTree(workload.root());
            }
            return new Results(options, facts, children.rssSource(), measurements,
                    (System.nanoTime() - started) / 60e9, MachineFacts.loadAverage());
        } finally {
            deleteTree(scratch);
        }
    }

    private void warmUp(PostgresServer server, ChildProcess children, Workload workload) {
        for (Tool tool : options.tools()) {
            String name = "bench_warmup_" + tool.name().toLowerCase(Locale.ROOT);
            TestDatabase database = TestDatabase.create(server, name);
            children.run(tool, Mode.APPLY, workload, database.jdbcUrl());
            children.run(tool, Mode.NOOP, workload, database.jdbcUrl());
            server.dropDatabase(name);
        }
        progress.println("warmed up: every tool ran once on " + workload.count() + " migrations");
    }

    /** Measures one apply and the no-op start after it, each in a fresh JVM, checking what each one did. */
    private List<Measurement> measurePair(PostgresServer server, ChildProcess children, Tool tool, Workload workload,
            int run, String[] digest) {
        String name = "bench_" + tool.name().toLowerCase(Locale.ROOT) + "_" + workload.count() + "_" + run;
        TestDatabase database = TestDatabase.create(server, name);
        try {
            checkpoint(server);
            Measurement apply = children.run(tool, Mode.APPLY, workload, database.jdbcUrl());
            Fingerprint fingerprint = check(database, tool, workload, apply, workload.count());
            if (digest[0] == null) digest[0] = fingerprint.digest();
            if (!digest[0].equals(fingerprint.digest())) {
                throw new IllegalStateException(tool.label() + " left a different schema than the first tool did on "
                        + workload.count() + " migrations: " + fingerprint);
            }
            checkpoint(server);
            Measurement noop = children.run(tool, Mode.NOOP, workload, database.jdbcUrl());
            check(database, tool, workload, noop, 0);
            progress.printf(Locale.ROOT, "%5d migrations, run %d/%d, %-18s apply %7.2f s %6.0f MiB | no-op %6.2f s"
                            + " %6.0f MiB%n", workload.count(), run + 1, options.runs(), tool.label(), apply.seconds(),
                    apply.peakRssKb() / 1024.0, noop.seconds(), noop.peakRssKb() / 1024.0);
            return List.of(apply, noop);
        } finally {
            server.dropDatabase(name);
        }
    }

    private static Fingerprint check(TestDatabase database, Tool tool, Workload workload, Measurement measured,
            int expectApplied) {
        if (measured.applied() != expectApplied) {
            throw new IllegalStateException(tool.label() + " " + measured.mode() + " reported " + measured.applied()
                    + " migrations applied, expected " + expectApplied);
        }
        try (Connection connection = database.connect()) {
            Fingerprint fingerprint = Fingerprint.of(connection);
            if (!fingerprint.matches(workload)) {
                throw new IllegalStateException(tool.label() + " " + measured.mode() + " on " + workload.count()
                        + " migrations left " + fingerprint + "; expected " + workload.tables() + " tables, "
                        + workload.indexes() + " indexes, " + workload.rows() + " rows");
            }
            if (tool.historyCount() != null) {
                try (Statement statement = connection.createStatement();
                     ResultSet row = statement.executeQuery(tool.historyCount())) {
                    row.next();
                    if (row.getLong(1) != workload.count()) {
                        throw new IllegalStateException(tool.label() + " recorded " + row.getLong(1)
                                + " applied migrations, expected " + workload.count());
                    }
                }
            }
            return fingerprint;
        } catch (SQLException e) {
            throw new IllegalStateException("could not check " + database.name() + ": " + e.getMessage(), e);
        }
    }

    /** Flushes what the previous run dirtied, so no tool pays for another's checkpoint. */
    private static void checkpoint(PostgresServer server) {
        try (Connection connection = server.connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("checkpoint");
        } catch (SQLException e) {
            throw new IllegalStateException("checkpoint failed: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + root, e);
        }
    }
}
