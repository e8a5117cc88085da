package dev.slipway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders {@link Results} as docs/BENCHMARKS.md.
 * <p>Everything above {@link #NOTES_MARKER} is generated; what an existing report has below it (the analysis, written
 * by hand) is kept when the benchmark is run again.
 */
final class MarkdownReport {
    /** The line below which the report is written by hand and kept across runs. */
    static final String NOTES_MARKER = "<!-- Everything below this line is written by hand and kept when the benchmark"
            + " runs again. -->";
    static final String COMMAND = "slipway-bench/run.sh --runs 5 --sizes 1000,5000";

    private final Results results;
    private final StringBuilder out = new StringBuilder();

    private MarkdownReport(Results results) {
        this.results = results;
    }

    /** Writes the report to {@code file}, keeping the hand-written notes of the report already there. */
    static void write(Path file, Results results) throws IOException {
        String notes = "";
        if (Files.exists(file)) {
            String old = Files.readString(file, StandardCharsets.UTF_8);
            int at = old.indexOf(NOTES_MARKER);
            if (at >= 0) notes = old.substring(at + NOTES_MARKER.length());
        }
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, render(results) + NOTES_MARKER + (notes.isEmpty() ? "\n" : notes),
                StandardCharsets.UTF_8);
    }

    static String render(Results results) {
        MarkdownReport report = new MarkdownReport(results);
        report.header();
        report.method();
        for (int size : results.options().sizes()) {
            report.timeTable(Mode.APPLY, size);
            report.timeTable(Mode.NOOP, size);
        }
        report.memory();
        report.breakdown();
        report.goals();
        report.raw();
        return report.out.toString();
    }

    private void header() {
        MachineFacts facts = results.facts();
        BenchOptions options = results.options();
        line("# Benchmarks");
        line();
        line("Slipway side by side with Flyway " + facts.flyway() + ", Liquibase " + facts.liquibase()
                + " and plain JDBC, each run through its Java API in a fresh JVM, on the same generated migration"
                + " files and the same PostgreSQL server. The part of this page above the notes is written by"
                + " `dev.slipway.bench.BenchmarkRunner`; run it again rather than editing numbers by hand.");
        line();
        line("## How to run");
        line();
        line("```sh");
        line(COMMAND);
        line("```");
        line();
        line("`run.sh` builds the module (`mvn -B -q -pl slipway-bench -am package -DskipTests`, which also copies"
                + " every runtime jar to `slipway-bench/target/lib`) and then runs `java -cp"
                + " 'slipway-bench/target/slipway-bench-<version>.jar:slipway-bench/target/lib/*'"
                + " dev.slipway.bench.BenchmarkRunner` with the arguments given (`--runs`, `--sizes`, `--tools`,"
                + " `--out`, `--pg`, `--no-warmup`). It is not part of `mvn verify`; a smoke test there runs each tool"
                + " once on 20 migrations.");
        line();
        line("This run: `--runs " + options.runs() + " --sizes " + options.sizes().stream().map(String::valueOf)
                .collect(Collectors.joining(",")) + " --tools " + options.tools().stream()
                .map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(",")) + "`, "
                + fmt("%.0f", results.minutes()) + " min in all.");
        line();
        line("## Machine");
        line();
        line("| | |");
        line("|---|---|");
        line("| date | " + facts.date() + " |");
        line("| processors (`nproc`) | " + facts.processors() + " |");
        line("| CPU | " + facts.cpu() + " |");
        line("| memory | " + facts.memory() + " |");
        line("| OS | " + facts.os() + " |");
        line("| `java -version` | " + String.join("<br>", facts.java()) + " |");
        line("| PostgreSQL | " + facts.postgres() + " |");
        line("| load average (1, 5, 15 min) | " + facts.loadBefore() + " at the start, " + results.loadAfter()
                + " at the end |");
        line("| commit | " + facts.commit() + " |");
        line();
        line("The machine is shared and noisy: read the ratios, which compare tools measured in the same minutes"
                + " (the tool order rotates from run to run), before the absolute times.");
        line();
    }

    private void method() {
        line("## What is measured");
        line();
        line("- **Workload.** N generated migrations `V00001__create_item_00001.sql`, ... in one folder. They rotate"
                + " through four small, realistic changes on one new table per group of four: create the table"
                + " (identity key, two columns, a comment), add a `status` column with a default, create an index,"
                + " insert three rows. File names are zero-padded so that name order is version order for every"
                + " tool.");
        line("- **Apply**: every migration on an empty database. **No-op**: the same tool started again on that"
                + " database with everything applied, which is what every application start pays.");
        line("- **One measured run** is one child `java -cp <class path> <tool main>` process against a fresh"
                + " database; the time is wall time from just before the process is started to its exit, so JVM"
                + " start-up is included (the breakdown below shows it apart). Every child has the same class path and"
                + " default JVM options (no `-Xmx`, no tuning). A `checkpoint` runs before each child. Each cell is"
                + " the median of " + results.options().runs() + " runs, with min and max. Before measuring, every"
                + " tool runs once on 20 migrations, unmeasured, to warm the file cache.");
        line("- **Checked, not assumed.** After each apply the runner checks the tables, indexes and rows the"
                + " migrations make, that every tool left the same schema (a digest of every column and index),"
                + " and that the tool's history records all migrations; after each no-op, that it applied nothing.");
        line("- **Slipway**: `Slipway.configure().dataSource(ds).locations(dir).load().migrate()`, defaults"
                + " (each migration in its own transaction with `SET LOCAL lock_timeout`, history and audit rows in"
                + " the same transaction, under a session advisory lock).");
        line("- **Flyway**: `Flyway.configure().dataSource(ds).locations(\"filesystem:\" + dir).load().migrate()`,"
                + " defaults (validate on migrate, each migration in its own transaction), with"
                + " `flyway-database-postgresql`.");
        line("- **Liquibase**: the `update` command (`CommandScope`) on a `changelog.xml` holding one"
                + " `<includeAll path=\"migrations/\"/>`: each plain `.sql` file becomes one raw changeset, applied in"
                + " name order in its own transaction. That is what a Liquibase user who keeps plain SQL files writes;"
                + " the files are the same bytes the other tools run. Defaults, except anonymous analytics are off"
                + " (`liquibase.analytics.enabled=false`), since they would call a host outside this machine on"
                + " every run.");
        line("- **Plain JDBC, the floor**: one connection; apply runs each file with one `execute` and commits, in"
                + " name order, with no bookkeeping. Its no-op connects and reads every file, the least any tool"
                + " that checks the files on disk must do.");
        line("- Every tool connects through the same PgJDBC `PGSimpleDataSource`. Peak memory: " + results.rssSource()
                + ".");
        line();
    }

    private void timeTable(Mode mode, int size) {
        line(mode == Mode.APPLY ? "## Apply " + count(size) + " migrations to an empty database"
                : "## No-op start with " + count(size) + " migrations already applied");
        line();
        boolean floor = results.options().tools().contains(Tool.JDBC);
        line("| tool | median | min | max |" + (floor ? " × floor |" : "") + " peak RSS (median) |");
        line("|---|---:|---:|---:|" + (floor ? "---:|" : "") + "---:|");
        for (Tool tool : results.options().tools()) {
            Summary time = results.seconds(tool, mode, size);
            String vsFloor = floor ? " " + fmt("%.2f", time.median() / results.seconds(Tool.JDBC, mode, size).median())
                    + " |" : "";
            line("| " + tool.label() + " | " + seconds(time.median()) + " | " + seconds(time.min()) + " | "
                    + seconds(time.max()) + " |" + vsFloor + " " + mib(results.peakMib(tool, mode, size).median())
                    + " |");
        }
        line();
        List<String> ratios = new ArrayList<>();
        for (Tool other : List.of(Tool.FLYWAY, Tool.LIQUIBASE, Tool.JDBC)) {
            if (results.options().tools().contains(Tool.SLIPWAY) && results.options().tools().contains(other)) {
                ratios.add("Slipway / " + other.label() + " = **" + fmt("%.2f", ratio(Tool.SLIPWAY, other, mode, size))
                        + "**");
            }
        }
        if (!ratios.isEmpty()) {
            line("Ratios of medians: " + String.join(" · ", ratios) + ".");
            line();
        }
    }

    private void memory() {
        int size = results.options().sizes().stream().max(Integer::compare).orElseThrow();
        line("## Peak resident memory, " + count(size) + " migrations");
        line();
        line("Whole process, JVM included; median (min to max) over the runs.");
        line();
        line("| tool | apply | no-op |");
        line("|---|---:|---:|");
        for (Tool tool : results.options().tools()) {
            line("| " + tool.label() + " | " + mibRange(results.peakMib(tool, Mode.APPLY, size)) + " | "
                    + mibRange(results.peakMib(tool, Mode.NOOP, size)) + " |");
        }
        line();
    }

    private void breakdown() {
        line("## Where the time goes");
        line();
        line("Medians in milliseconds. *JVM start* is from starting the process to the first line of the child's"
                + " `main`; the phases are timed inside the child (Slipway and Flyway: `load()` scans the files,"
                + " `migrate()` does the rest; Liquibase: connecting and recognising the database, then `update`;"
                + " the floor: connecting, reading the files, applying them); *exit* is the rest, JVM shutdown"
                + " included.");
        line();
        line("| scenario | tool | total | JVM start | phases | exit |");
        line("|---|---|---:|---:|---|---:|");
        for (int size : results.options().sizes()) {
            for (Mode mode : Mode.values()) {
                for (Tool tool : results.options().tools()) {
                    List<Measurement> cell = results.cell(tool, mode, size);
                    double total = results.seconds(tool, mode, size).median() * 1000;
                    double startup = Summary.of(cell.stream().map(m -> (double) m.startupMillis()).toList()).median();
                    double work = Summary.of(cell.stream().map(m -> (double) m.workMillis()).toList()).median();
                    Map<String, Double> phases = new LinkedHashMap<>();
                    for (String phase : cell.get(0).phases().keySet()) {
                        phases.put(phase, Summary.of(cell.stream()
                                .map(m -> (double) m.phases().getOrDefault(phase, 0L)).toList()).median());
                    }
                    String phaseText = phases.entrySet().stream()
                            .map(e -> e.getKey() + " " + fmt("%,.0f", e.getValue()))
                            .collect(Collectors.joining(" · "));
                    line("| " + (mode == Mode.APPLY ? "apply " : "no-op ") + count(size) + " | " + tool.label()
                            + " | " + fmt("%,.0f", total) + " | " + fmt("%,.0f", startup) + " | " + phaseText + " | "
                            + fmt("%,.0f", Math.max(0, total - startup - work)) + " |");
                }
            }
        }
        line();
    }

    private void goals() {
        List<Tool> tools = results.options().tools();
        if (!tools.contains(Tool.SLIPWAY)) return;
        line("## Goals");
        line();
        line("From the issue: Slipway at most half of Flyway's time on both the apply and the no-op start, within"
                + " 1.5× of the plain-JDBC floor, and peak memory at most Flyway's. Judged on medians.");
        line();
        line("| goal | measured | |");
        line("|---|---:|---|");
        for (int size : results.options().sizes()) {
            for (Mode mode : Mode.values()) {
                String scenario = (mode == Mode.APPLY ? "apply " : "no-op ") + count(size);
                if (tools.contains(Tool.FLYWAY)) {
                    double r = ratio(Tool.SLIPWAY, Tool.FLYWAY, mode, size);
                    line("| " + scenario + ": Slipway / Flyway ≤ 0.50 | " + fmt("%.2f", r) + " | " + verdict(r <= 0.5)
                            + " |");
                }
                if (tools.contains(Tool.JDBC)) {
                    double r = ratio(Tool.SLIPWAY, Tool.JDBC, mode, size);
                    line("| " + scenario + ": Slipway / floor ≤ 1.5 | " + fmt("%.2f", r) + " | " + verdict(r <= 1.5)
                            + " |");
                }
            }
        }
        if (tools.contains(Tool.FLYWAY)) {
            int size = results.options().sizes().stream().max(Integer::compare).orElseThrow();
            for (Mode mode : Mode.values()) {
                double slipway = results.peakMib(Tool.SLIPWAY, mode, size).median();
                double flyway = results.peakMib(Tool.FLYWAY, mode, size).median();
                line("| " + (mode == Mode.APPLY ? "apply " : "no-op ") + count(size)
                        + ": Slipway peak RSS ≤ Flyway's | " + mib(slipway) + " vs " + mib(flyway) + " | "
                        + verdict(slipway <= flyway) + " |");
            }
        }
        line();
    }

    private void raw() {
        line("<details><summary>Every measurement (CSV)</summary>");
        line();
        line("```csv");
        line("tool,mode,size,seconds,peak_rss_kib,jvm_start_ms,main_ms,phases");
        for (Measurement m : results.measurements()) {
            line(m.tool().name().toLowerCase(Locale.ROOT) + "," + m.mode().name().toLowerCase(Locale.ROOT) + ","
                    + m.size() + "," + fmt("%.3f", m.seconds()) + "," + m.peakRssKb() + "," + m.startupMillis() + ","
                    + m.workMillis() + "," + m.phases().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(";")));
        }
        line("```");
        line();
        line("</details>");
        line();
    }

    private double ratio(Tool a, Tool b, Mode mode, int size) {
        return results.seconds(a, mode, size).median() / results.seconds(b, mode, size).median();
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }

    private static String count(int size) {
        return fmt("%,d", size);
    }

    private static String seconds(double seconds) {
        return fmt("%.2f s", seconds);
    }

    private static String mib(double mib) {
        return fmt("%,.0f MiB", mib);
    }

    private static String mibRange(Summary summary) {
        return mib(summary.median()) + " (" + fmt("%,.0f", summary.min()) + " to " + fmt("%,.0f", summary.max()) + ")";
    }

    private static String fmt(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }
}
