package dev.slipway.bench;

import dev.slipway.Slipway;
import dev.slipway.embedded.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Backup and restore of a pgbench database (scale 70 is about 1 GB), Slipway against the bare {@code pg_dump} and
 * {@code pg_restore} commands a runbook types, in one run on one server: custom format, and directory format with
 * {@code --jobs}. Slipway runs as its users run it: the {@code slipway} launcher ({@code slipway backup},
 * {@code slipway restore ID --confirm bench}), a fresh JVM per operation, its peak resident memory measured by
 * {@code /usr/bin/time}. Both sides find the password in the same {@code PGPASSFILE}. The bare and Slipway runs
 * alternate, and which goes first rotates from run to run. Writes the section "Backup and restore" of
 * {@code docs/BENCHMARKS.md} between its markers.
 * <pre>
 * slipway-bench/backup.sh --scale 70 --runs 5 --jobs 2
 * </pre>
 */
public final class BackupBenchmark {
    static final String START = "<!-- backup-bench:start: written by dev.slipway.bench.BackupBenchmark -->";
    static final String END = "<!-- backup-bench:end -->";
    private static final String HEADING = "## Backup and restore";
    private static final Pattern BACKUP_ID = Pattern.compile("(?m)^backup (\\S+) of ");
    private static final Pattern PEAK_KB = Pattern.compile("(?m)^PEAK_KB=(\\d+)$");
    private static final String DATABASE = "bench";

    private final Options options;
    private final Path scratch;
    private final PostgresServer server;
    private final Map<String, String> toolEnvironment;
    private final Path migrations;
    private final List<Sample> samples = new ArrayList<>();
    private final List<Dataset> datasets = new ArrayList<>();
    private String dataset;

    /**
     * The command line.
     *
     * @param scale   pgbench's scale factor (100,000 accounts each)
     * @param runs    measured runs of each operation
     * @param jobs    processes for the directory format
     * @param out     the Markdown file whose section is written
     * @param pgMajor the server's major version
     * @param slipway the launcher that runs Slipway's command line
     */
    record Options(int scale, int runs, int jobs, Path out, int pgMajor, Path slipway) {
        static Options parse(String[] args) {
            int scale = 70;
            int runs = 3;
            int jobs = 2;
            Path out = Path.of("docs", "BENCHMARKS.md");
            int pg = 15;
            Path slipway = Path.of("slipway");
            for (int i = 0; i < args.length; i += 2) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--scale" -> scale = Integer.parseInt(value);
                    case "--runs" -> runs = Integer.parseInt(value);
                    case "--jobs" -> jobs = Integer.parseInt(value);
                    case "--out" -> out = Path.of(value);
                    case "--pg" -> pg = Integer.parseInt(value);
                    case "--slipway" -> slipway = Path.of(value);
                    default -> throw new IllegalArgumentException("usage: BackupBenchmark [--scale 70] [--runs 3]"
                            + " [--jobs 2] [--out docs/BENCHMARKS.md] [--pg 15] [--slipway ./slipway]; unknown "
                            + args[i]);
                }
            }
            return new Options(scale, runs, jobs, out, pg, slipway.toAbsolutePath());
        }
    }

    /** What a run of Slipway's command line printed: the backup's id (backups only), and took. */
    private record CliRun(String id, double seconds, long peakKb) {
    }

    /** One operation: what ran, which run, how long, and for Slipway its peak memory. */
    record Sample(String dataset, String operation, String tool, int run, double seconds, long bytes, long peakKb) {
    }

    /**
     * What the database holds while measuring.
     *
     * @param name        how the report names it
     * @param description what it is, with its size
     */
    record Dataset(String name, String description) {
    }

    private BackupBenchmark(Options options, Path scratch, PostgresServer server, Map<String, String> environment,
            Path migrations) {
        this.options = options;
        this.scratch = scratch;
        this.server = server;
        this.toolEnvironment = environment;
        this.migrations = migrations;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path scratch = Files.createTempDirectory("slipway-backup-bench-");
        String started = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC)
                .format(Instant.now());
        String loadBefore = loadAverage();
        try (PostgresServer server = PostgresServer.start(options.pgMajor())) {
            server.createDatabase(DATABASE);
            Path passFile = Files.createFile(scratch.resolve("pgpass"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passFile, "*:*:*:*:" + server.password() + "\n");
            Map<String, String> environment = new LinkedHashMap<>(System.getenv());
            environment.remove("PGPASSWORD");
            environment.put("PGPASSFILE", passFile.toString());
            Path migrations = Files.createDirectories(scratch.resolve("migrations"));
            Files.writeString(migrations.resolve("V1__create_app_settings.sql"),
                    "create table app_settings (key text primary key, value text not null);\n");
            BackupBenchmark bench = new BackupBenchmark(options, scratch, server, environment, migrations);
            bench.measureStartUp();
            bench.prepare();
            bench.measureAll("pgbench");
            bench.rewriteFiller();
            bench.measureAll("pgbench, md5 filler");
            String section = bench.report(started, loadBefore, loadAverage());
            writeSection(options.out(), section);
            System.out.println(section);
        } finally {
            deleteTree(scratch);
        }
    }

    /**
     * Measures on a database that holds only the migration's table and Slipway's history: what is left is the fixed
     * cost of each side, start-up and connecting, which the overhead on the large database is made of.
     */
    private void measureStartUp() throws Exception {
        Slipway.configure().url(url()).locations(migrations.toString()).load().migrate();
        datasets.add(new Dataset("start-up", "a database holding only `app_settings` and Slipway's history table, so"
                + " each side's time is its fixed cost: process start, connecting, and the checks around the dump"));
        measureAll("start-up");
    }

    /** Fills the database with pgbench; the migration applied before gives it a revision. */
    private void prepare() throws Exception {
        long start = System.nanoTime();
        run(List.of(pgTool("pgbench").toString(), "-i", "-s", Integer.toString(options.scale()), "-q",
                "--host", server.host(), "--port", Integer.toString(server.port()), "--username", "postgres",
                DATABASE), scratch.resolve("pgbench.log"));
        datasets.add(new Dataset("pgbench", "`pgbench -i -s " + options.scale() + "`: " + String.format(Locale.ROOT,
                "%,d", options.scale() * 100_000L) + " accounts whose `filler` is blank, which compresses to"
                + " almost nothing; filled in " + Math.round(seconds(start)) + " s; " + settle()));
    }

    /**
     * Gives every account a filler of 64 hex digits, so the dump is large: the same rows and database size, but
     * what pg_dump writes no longer compresses to almost nothing.
     */
    private void rewriteFiller() throws Exception {
        long start = System.nanoTime();
        try (Connection connection = server.connect(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("update pgbench_accounts set filler = md5(aid::text) || md5((aid * 7)::text)");
            statement.execute("vacuum full pgbench_accounts");
        }
        datasets.add(new Dataset("pgbench, md5 filler", "the same, then `update pgbench_accounts set filler ="
                + " md5(aid::text) || md5((aid * 7)::text)` and `vacuum full`, so the dump holds about 64 bytes of"
                + " hex per account; rewritten in " + Math.round(seconds(start)) + " s; " + settle()));
    }

    /** Vacuums, checkpoints and reports the database's size. */
    private String settle() throws SQLException {
        try (Connection connection = server.connect(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("vacuum analyze");
            statement.execute("checkpoint");
            return "database size " + query(statement, "select pg_size_pretty(pg_database_size('" + DATABASE + "'))");
        }
    }

    private void measureAll(String name) throws Exception {
        dataset = name;
        for (int run = 1; run <= options.runs(); run++) {
            measure(run);
        }
    }

    private void measure(int run) throws Exception {
        boolean bareFirst = run % 2 == 1;
        for (String format : List.of("custom", "directory")) {
            int jobs = format.equals("custom") ? 1 : options.jobs();
            Path bareDump = scratch.resolve("bare-" + run + (format.equals("custom") ? ".dump" : ""));
            Path slipwayDir = scratch.resolve("slipway-" + run + "-" + format);
            String id = null;
            for (boolean bare : bareFirst ? List.of(true, false) : List.of(false, true)) {
                checkpoint();
                if (bare) {
                    samples.add(bareBackup(run, format, jobs, bareDump));
                } else {
                    List<String> arguments = new ArrayList<>(List.of("backup", "--dump-format", format,
                            "--directory", slipwayDir.toString()));
                    if (jobs > 1) arguments.addAll(List.of("--jobs", Integer.toString(jobs)));
                    CliRun backup = slipway(arguments);
                    id = backup.id();
                    samples.add(new Sample(dataset, "backup " + format, "slipway", run, backup.seconds(),
                            size(slipwayDir.resolve(format.equals("custom") ? id + ".dump" : id)), backup.peakKb()));
                }
            }
            // the first restore after the backups is about a second slower, whichever tool runs it (seen as an
            // order effect in every pair): an untimed restore first, so both timed ones start from the same state
            checkpoint();
            bareRestore(run, format, jobs, bareDump);
            checkRestored();
            for (boolean bare : bareFirst ? List.of(true, false) : List.of(false, true)) {
                checkpoint();
                if (bare) {
                    samples.add(bareRestore(run, format, jobs, bareDump));
                } else {
                    List<String> arguments = new ArrayList<>(List.of("restore", id, "--confirm", DATABASE,
                            "--directory", slipwayDir.toString()));
                    if (jobs > 1) arguments.addAll(List.of("--jobs", Integer.toString(jobs)));
                    CliRun restore = slipway(arguments);
                    samples.add(new Sample(dataset, "restore " + format, "slipway", run, restore.seconds(), 0,
                            restore.peakKb()));
                }
                checkRestored();
            }
            deleteTree(bareDump);
            deleteTree(slipwayDir);
            System.out.printf(Locale.ROOT, "%s: run %d %s done%n", dataset, run, format);
        }
    }

    private Sample bareBackup(int run, String format, int jobs, Path dump) throws IOException {
        List<String> command = new ArrayList<>(List.of(pgTool("pg_dump").toString(), "--format=" + format,
                "--file=" + dump));
        if (jobs > 1) command.add("--jobs=" + jobs);
        command.add("--dbname=" + url().replace(":" + server.password() + "@", "@"));
        long start = System.nanoTime();
        run(command, scratch.resolve("bare.log"));
        return new Sample(dataset, "backup " + format, "bare", run, seconds(start), size(dump), 0);
    }

    private Sample bareRestore(int run, String format, int jobs, Path dump) throws IOException {
        List<String> command = new ArrayList<>(List.of(pgTool("pg_restore").toString(), "--clean", "--if-exists",
                "--exit-on-error"));
        command.add(format.equals("custom") ? "--single-transaction" : "--jobs=" + jobs);
        command.add("--dbname=" + url().replace(":" + server.password() + "@", "@"));
        command.add(dump.toString());
        long start = System.nanoTime();
        run(command, scratch.resolve("bare.log"));
        return new Sample(dataset, "restore " + format, "bare", run, seconds(start), 0, 0);
    }

    /**
     * Runs Slipway's command line through its launcher, under {@code /usr/bin/time} for the peak memory (the launcher
     * hands its process over to the JVM, so that is the JVM's, or the larger pg_dump's or pg_restore's). The URL
     * names no password: like the bare commands, Slipway finds it in {@code PGPASSFILE}.
     */
    private CliRun slipway(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "PEAK_KB=%M",
                options.slipway().toString()));
        command.addAll(arguments);
        command.addAll(List.of("--url", url().replace(":" + server.password() + "@", "@"), "--locations",
                migrations.toString()));
        Path log = scratch.resolve("slipway.log");
        long start = System.nanoTime();
        run(command, log);
        double took = seconds(start);
        String output = Files.readString(log);
        Matcher id = BACKUP_ID.matcher(output);
        Matcher peak = PEAK_KB.matcher(output);
        if (!peak.find()) throw new IllegalStateException("no peak memory from /usr/bin/time:\n" + output);
        return new CliRun(id.find() ? id.group(1) : null, took, Long.parseLong(peak.group(1)));
    }

    private void run(List<String> command, Path log) throws IOException {
        run(command, log, Map.of());
    }

    private void run(List<String> command, Path log, Map<String, String> variables) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().putAll(toolEnvironment);
        builder.environment().putAll(variables);
        try {
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.HOURS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command.get(0));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed (exit " + process.exitValue() + "):\n"
                        + Files.readString(log).replace(server.password(), "****"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** A restore must give back every account and the migration's revision; checked outside the timings. */
    private void checkRestored() throws SQLException {
        try (Connection connection = server.connect(DATABASE); Statement statement = connection.createStatement()) {
            String revision = query(statement, "select max(version) from slipway_history");
            if (!"1".equals(revision)) throw new IllegalStateException("restore gave revision " + revision);
            if (dataset.equals("start-up")) return;
            long accounts = Long.parseLong(query(statement, "select count(*) from pgbench_accounts"));
            String filler = query(statement, "select filler = case when '" + dataset + "' = 'pgbench' then ''"
                    + " else md5('12345') || md5('86415') end from pgbench_accounts where aid = 12345");
            if (accounts != options.scale() * 100_000L || !"t".equals(filler)) {
                throw new IllegalStateException("restore gave " + accounts + " accounts, filler as expected: "
                        + filler);
            }
        }
    }

    private void checkpoint() throws SQLException {
        try (Connection connection = server.connect(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("checkpoint");
        }
    }

    private String url() {
        return server.libpqUrl(DATABASE);
    }

    private String report(String started, String loadBefore, String loadAfter) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append(START).append("\n\n");
        header(out, started, loadBefore, loadAfter);
        for (Dataset measured : datasets) {
            out.append("### ").append(measured.name()).append("\n\n").append(measured.description()).append(".\n\n");
            summary(out, measured.name());
        }
        everyRun(out);
        out.append(END);
        return out.toString();
    }

    private void header(StringBuilder out, String started, String loadBefore, String loadAfter) throws Exception {
        out.append("Slipway's `backup` and `restore` against the bare commands a runbook types, on one pgbench")
                .append(" database and one server, in one run. Run it again rather than editing these numbers:\n\n")
                .append("```sh\nslipway-bench/backup.sh --scale ").append(options.scale())
                .append(" --runs ").append(options.runs()).append(" --jobs ").append(options.jobs())
                .append("\n```\n\n");
        out.append("| | |\n|---|---|\n")
                .append("| date | ").append(started).append(" |\n")
                .append("| processors (`nproc`) | ").append(Runtime.getRuntime().availableProcessors())
                .append(" |\n")
                .append("| Java | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" |\n")
                .append("| PostgreSQL | ").append(serverVersion())
                .append(" (testkit server: fsync, synchronous_commit and full_page_writes off) |\n")
                .append("| client programs | ").append(firstLine(List.of(pgTool("pg_dump").toString(), "--version")))
                .append(", from ").append(pgTool("").getParent()).append(" on both sides |\n")
                .append("| load average (1, 5, 15 min) | ").append(loadBefore).append(" at the start, ")
                .append(loadAfter).append(" at the end |\n\n");
        out.append("Each cell is the median of ").append(options.runs()).append(" runs (min to max). Wall time from")
                .append(" process start to exit. Slipway runs as a user runs it, through the `slipway` launcher: a")
                .append(" fresh JVM per operation, start-up included; the launcher's JVM options are in `slipway`.")
                .append(" Overhead is Slipway's median against the bare command's. Before each pair of timed restores")
                .append(" an untimed one runs: the first restore after the backups is slower whichever tool runs it.")
                .append(" Dump size: bare / Slipway.")
                .append(" Peak RSS: the highest of `/usr/bin/time`'s maximum resident set size over the runs, which is")
                .append(" the JVM's (or a larger pg_dump's or pg_restore's it started).\n\n");
    }

    private void summary(StringBuilder out, String name) {
        out.append("| operation | bare command | bare | Slipway | overhead | Slipway peak RSS | dump size |\n")
                .append("|---|---|---:|---:|---:|---:|---:|\n");
        for (String operation : List.of("backup custom", "restore custom", "backup directory", "restore directory")) {
            List<Sample> bare = of(name, operation, "bare");
            List<Sample> slipway = of(name, operation, "slipway");
            double overhead = median(slipway.stream().map(Sample::seconds).toList())
                    / median(bare.stream().map(Sample::seconds).toList()) - 1;
            long peak = slipway.stream().mapToLong(Sample::peakKb).max().orElse(0);
            String size = !operation.startsWith("backup") ? ""
                    : mib(median(bare.stream().map(sample -> (double) sample.bytes()).toList())) + " / "
                    + mib(median(slipway.stream().map(sample -> (double) sample.bytes()).toList()));
            out.append("| ").append(operation.replace("directory", "directory, --jobs " + options.jobs()))
                    .append(" | `").append(bareCommand(operation)).append("` | ").append(cell(bare))
                    .append(" | ").append(cell(slipway))
                    .append(" | ").append(String.format(Locale.ROOT, "%+.1f %%", 100 * overhead))
                    .append(" | ").append(mib(peak * 1024.0)).append(" | ").append(size).append(" |\n");
        }
        out.append("\n");
    }

    private void everyRun(StringBuilder out) {
        out.append("<details><summary>Every run</summary>\n\n")
                .append("| data | operation | tool | run | seconds | peak RSS |\n")
                .append("|---|---|---|---:|---:|---:|\n");
        for (Sample sample : samples) {
            boolean bare = sample.tool().equals("bare");
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.2f | %s |%n", sample.dataset(),
                    sample.operation(), sample.tool(), sample.run(), sample.seconds(),
                    bare ? "" : mib(sample.peakKb() * 1024.0)));
        }
        out.append("\n</details>\n\n");
    }

    private String bareCommand(String operation) {
        return switch (operation) {
            case "backup custom" -> "pg_dump -Fc -f FILE";
            case "restore custom" -> "pg_restore --clean --if-exists --single-transaction -d DB FILE";
            case "backup directory" -> "pg_dump -Fd -j " + options.jobs() + " -f DIR";
            case "restore directory" -> "pg_restore --clean --if-exists -j " + options.jobs() + " -d DB DIR";
            default -> throw new AssertionError(operation);
        };
    }

    private List<Sample> of(String name, String operation, String tool) {
        return samples.stream().filter(s -> s.dataset().equals(name) && s.operation().equals(operation)
                && s.tool().equals(tool)).toList();
    }

    private static String cell(List<Sample> samples) {
        List<Double> seconds = samples.stream().map(Sample::seconds).sorted().toList();
        return String.format(Locale.ROOT, "%.1f s (%.1f to %.1f)", median(seconds), seconds.get(0),
                seconds.get(seconds.size() - 1));
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String mib(double bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / (1024 * 1024));
    }

    /** Replaces the section between the markers, or appends it under its heading at the end of the file. */
    static void writeSection(Path file, String section) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        String updated = start >= 0 && end > start ? text.substring(0, start) + section
                + text.substring(end + END.length())
                : text.stripTrailing() + "\n\n" + HEADING + "\n\n" + section + "\n";
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }

    private String serverVersion() throws SQLException {
        try (Connection connection = server.connect(DATABASE); Statement statement = connection.createStatement()) {
            return query(statement, "show server_version");
        }
    }

    private String firstLine(List<String> command) throws IOException {
        Path log = scratch.resolve("version.txt");
        run(command, log);
        return Files.readAllLines(log).get(0);
    }

    private Path pgTool(String name) {
        return Path.of("/usr/lib/postgresql", Integer.toString(options.pgMajor()), "bin", name);
    }

    private static String query(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long size(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) return;
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
