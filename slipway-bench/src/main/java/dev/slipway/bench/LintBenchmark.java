package dev.slipway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.lint.RuleInfo;
import dev.slipway.lint.Rules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Lints the same generated migration files with {@code slipway lint} and with squawk, each in one process per run,
 * and writes the "Lint" section of docs/BENCHMARKS.md: files/s, MB/s, peak resident memory at two sizes (to show
 * whether it grows with the number of files), and how far the two agree on the rules they share.
 * <pre>
 * java -cp ... dev.slipway.bench.LintBenchmark --slipway-jar slipway-cli/target/slipway.jar \
 *     --squawk /work/squawk/node_modules/@squawk-cli/linux-x64/bin/squawk [--sizes 1000,10000] [--runs 3]
 *     [--pg 15] [--out docs/BENCHMARKS.md]
 * </pre>
 */
public final class LintBenchmark {
    static final String START = "<!-- lint benchmark: written by dev.slipway.bench.LintBenchmark -->";
    static final String END = "<!-- lint benchmark: end of the generated part -->";
    private static final long SEED = 20251121L;
    /**
     * JVM options for a short-lived command, the ones the {@code ./slipway} launcher passes for lint: no tiered C2
     * compilation, a serial collector, a heap that starts small.
     */
    static final List<String> SHORT_LIVED_JVM = List.of("-XX:+UseSerialGC", "-Xms16m", "-XX:TieredStopAtLevel=1");
    private static final List<String> TOOLS = List.of("slipway", "slipway-tuned", "squawk");

    private LintBenchmark() {
    }

    /** One measured run of one tool. */
    record Run(String tool, int files, double seconds, long peakKib, Path output) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--sizes", "1000,10000", "--runs", "3", "--pg", "15",
                "--out", "docs/BENCHMARKS.md"));
        for (int i = 0; i + 1 < args.length; i += 2) options.put(args[i], args[i + 1]);
        Path jar = Path.of(required(options, "--slipway-jar")).toAbsolutePath();
        Path squawk = Path.of(required(options, "--squawk")).toAbsolutePath();
        int runs = Integer.parseInt(options.get("--runs"));
        String pg = options.get("--pg");
        List<Integer> sizes = new ArrayList<>();
        for (String size : options.get("--sizes").split(",")) sizes.add(Integer.parseInt(size.strip()));
        Collections.sort(sizes);

        Path work = Files.createTempDirectory("slipway-lint-bench");
        Map<Integer, Long> bytes = new TreeMap<>();
        Map<Integer, Path> dirs = new TreeMap<>();
        for (int size : sizes) {
            Path dir = work.resolve("files-" + size);
            bytes.put(size, LintWorkload.write(dir, size, SEED));
            dirs.put(size, dir);
        }
        String loadBefore = MachineFacts.loadAverage();
        // unmeasured: warm the file cache and both programs
        run("slipway", jar, squawk, pg, dirs.get(sizes.get(0)), work.resolve("warm-s.json"));
        run("squawk", jar, squawk, pg, dirs.get(sizes.get(0)), work.resolve("warm-q.json"));
        List<Run> measured = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            for (int size : sizes) {
                List<String> order = new ArrayList<>(TOOLS);
                Collections.rotate(order, r);
                for (String tool : order) {
                    Run run = run(tool, jar, squawk, pg, dirs.get(size),
                            work.resolve(tool + "-" + size + "-" + r + ".json"));
                    measured.add(run);
                    System.err.printf(Locale.ROOT, "%s %d files: %.2f s, %d KiB%n", tool, size, run.seconds(),
                            run.peakKib());
                }
            }
        }
        int largest = sizes.get(sizes.size() - 1);
        Path lastSlipway = measured.stream().filter(m -> m.tool().equals("slipway") && m.files() == largest)
                .reduce((a, b) -> b).orElseThrow().output();
        Path lastSquawk = measured.stream().filter(m -> m.tool().equals("squawk") && m.files() == largest)
                .reduce((a, b) -> b).orElseThrow().output();
        Agreement agreement = Agreement.of(largest, lastSlipway, lastSquawk);
        String section = report(sizes, bytes, runs, pg, measured, agreement, loadBefore, jar, squawk);
        Path out = Path.of(options.get("--out"));
        write(out, section);
        System.err.println("wrote the Lint section of " + out);
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) throw new IllegalArgumentException(name + " is required");
        return value;
    }

    private static Run run(String tool, Path jar, Path squawk, String pg, Path dir, Path output)
            throws IOException, InterruptedException {
        Path times = Files.createTempFile("lint-time", ".txt");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", "-o", times.toString()));
        if (tool.startsWith("slipway")) {
            command.add("java");
            if (tool.equals("slipway-tuned")) command.addAll(SHORT_LIVED_JVM);
            command.addAll(List.of("-jar", jar.toString(), "lint", "--format", "json", "--pg-version", pg,
                    dir.toString()));
        } else {
            command.addAll(List.of(squawk.toString(), "--reporter", "json", "--assume-in-transaction",
                    "--pg-version=" + pg, dir + "/*.sql"));
        }
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        String[] measured = Files.readString(times).strip().split("\\s+");
        Files.delete(times);
        if (exit != 0 && exit != 3 && !(tool.equals("squawk") && exit == 1)) {
            throw new IllegalStateException(tool + " exited with " + exit + ": " + String.join(" ", command));
        }
        return new Run(tool, countFiles(dir), seconds, Long.parseLong(measured[measured.length - 1]), output);
    }

    private static int countFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return (int) files.count();
        }
    }

    /** How far the two tools agree, per squawk rule that a Slipway rule shares. */
    record Agreement(int files, Set<String> shared, Map<String, int[]> byRule, int filesAgreeing) {
        /** {@code [both, squawk only, slipway only]} per rule. */
        static Agreement of(int files, Path slipwayJson, Path squawkJson) throws IOException {
            ObjectMapper json = new ObjectMapper();
            Map<String, Set<String>> mapping = new HashMap<>();
            Set<String> shared = new TreeSet<>();
            for (RuleInfo info : Rules.infos()) {
                mapping.put(info.id(), new HashSet<>(info.squawk()));
                shared.addAll(info.squawk());
            }
            Map<String, Set<String>> ours = new HashMap<>();
            for (JsonNode finding : json.readTree(slipwayJson.toFile()).get("findings")) {
                if (finding.get("allowed").asBoolean()) continue;
                ours.computeIfAbsent(name(finding.get("file").asText()), k -> new HashSet<>())
                        .addAll(mapping.get(finding.get("rule").asText()));
            }
            Map<String, Set<String>> theirs = new HashMap<>();
            for (JsonNode violation : json.readTree(squawkJson.toFile())) {
                String rule = violation.get("rule_name").asText();
                if (!shared.contains(rule)) continue;
                theirs.computeIfAbsent(name(violation.get("file").asText()), k -> new HashSet<>()).add(rule);
            }
            Set<String> names = new TreeSet<>(ours.keySet());
            names.addAll(theirs.keySet());
            Map<String, int[]> byRule = new TreeMap<>();
            int disagreeing = 0;
            for (String file : names) {
                Set<String> a = ours.getOrDefault(file, Set.of());
                Set<String> b = theirs.getOrDefault(file, Set.of());
                if (!a.equals(b)) disagreeing++;
                for (String rule : shared) {
                    boolean us = a.contains(rule);
                    boolean them = b.contains(rule);
                    if (!us && !them) continue;
                    int[] counts = byRule.computeIfAbsent(rule, k -> new int[3]);
                    counts[us && them ? 0 : them ? 1 : 2]++;
                }
            }
            return new Agreement(files, shared, byRule, files - disagreeing);
        }

        private static String name(String path) {
            return Path.of(path).getFileName().toString();
        }
    }

    private static String report(List<Integer> sizes, Map<Integer, Long> bytes, int runs, String pg,
            List<Run> measured, Agreement agreement, String loadBefore, Path jar, Path squawk) {
        StringBuilder md = new StringBuilder();
        md.append(START).append("\n## Lint: Slipway and squawk on the same generated files\n\n");
        md.append("`slipway lint` (Java, one JVM per run) side by side with squawk 2.63.0 (`npm install"
                + " squawk-cli@2.63.0`, its native binary from `@squawk-cli/linux-x64`), each linting the same"
                + " generated migration files in one process, run after run on the same machine. Written by"
                + " `dev.slipway.bench.LintBenchmark`; run it again rather than editing numbers by hand.\n\n");
        md.append("```sh\nslipway-bench/lint.sh --squawk ").append(squawk).append(" --runs ").append(runs)
                .append(" --sizes ").append(joined(sizes)).append("\n```\n\n");
        md.append("Each run: `java -jar slipway-cli/target/slipway.jar lint --format json --pg-version ").append(pg)
                .append(" DIR` and `squawk --reporter json --assume-in-transaction --pg-version=").append(pg)
                .append(" 'DIR/*.sql'` (both write every finding as JSON; squawk is told that a migration tool wraps"
                        + " each file in a transaction, as Slipway does). Wall time from starting the process to its"
                        + " exit, JVM start-up included; peak RSS from `/usr/bin/time`. Median of ").append(runs)
                .append(" runs, the tool order alternating. Load average at the start: ").append(loadBefore)
                .append(" on ").append(Runtime.getRuntime().availableProcessors()).append(" processors.\n\n");
        md.append("The files rotate through about thirty statement shapes (tables with every common column type,"
                + " indexes with and without CONCURRENTLY, added columns with and without defaults, NOT NULL in one"
                + " and two phases, foreign keys, checks and unique constraints with and without NOT VALID, renames,"
                + " type changes, drops, backfills with and without WHERE, functions with dollar-quoted bodies,"
                + " views, inserts, comments), 2 to 7 statements a file, some in BEGIN ... COMMIT blocks and some"
                + " marked `-- slipway:no-transaction`; seed ").append(SEED).append(".\n\n");
        md.append("| tool | files | MB | median | min | max | files/s | MB/s | peak RSS |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int size : sizes) {
            for (String tool : TOOLS) {
                List<Run> cells = measured.stream().filter(m -> m.tool().equals(tool) && m.files() == size).toList();
                double median = median(cells.stream().map(Run::seconds).toList());
                double min = cells.stream().mapToDouble(Run::seconds).min().orElse(0);
                double max = cells.stream().mapToDouble(Run::seconds).max().orElse(0);
                double peak = median(cells.stream().map(r -> (double) r.peakKib()).toList());
                double mb = bytes.get(size) / 1e6;
                md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.2f s | %.2f s | %.2f s | %,.0f | %.2f |"
                        + " %.0f MiB |%n", label(tool), size, mb, median, min, max, size / median, mb / median,
                        peak / 1024));
            }
        }
        int largest = sizes.get(sizes.size() - 1);
        int smallest = sizes.get(0);
        double theirs = median(seconds(measured, "squawk", largest));
        md.append(String.format(Locale.ROOT, "%nRows: *Slipway* is a plain `java -jar` with the JVM's defaults;"
                + " *Slipway, short-lived JVM* adds `%s`, options suited to a command that runs for a second: what"
                + " the `./slipway` launcher, the command the README gives, passes unless `SLIPWAY_JAVA_OPTS` says"
                + " otherwise.%n%n", String.join(" ", SHORT_LIVED_JVM)));
        md.append("| goal | measured |\n|---|---|\n");
        for (String tool : List.of("slipway", "slipway-tuned")) {
            double ours = median(seconds(measured, tool, largest));
            double peakSmall = median(peaks(measured, tool, smallest));
            double peakLarge = median(peaks(measured, tool, largest));
            md.append(String.format(Locale.ROOT, "| %s at least as fast as squawk (%,d files) | %.2f× squawk's time:"
                    + " %s |%n", label(tool), largest, ours / theirs, ours <= theirs ? "met" : "**missed**"));
            md.append(String.format(Locale.ROOT, "| %s peak RSS does not grow with the files | %.0f MiB at %,d,"
                    + " %.0f MiB at %,d: %s |%n", label(tool), peakSmall / 1024, smallest, peakLarge / 1024, largest,
                    peakLarge <= peakSmall * 1.25 ? "met" : "**missed** (it grows)"));
        }
        md.append("\n");
        md.append("### Agreement on the ").append(String.format(Locale.ROOT, "%,d", largest)).append(" files\n\n");
        int[] total = new int[3];
        agreement.byRule().values().forEach(c -> {
            total[0] += c[0];
            total[1] += c[1];
            total[2] += c[2];
        });
        md.append(String.format(Locale.ROOT, "Over the %d squawk rules a Slipway rule shares, the two give the same"
                + " verdict for every shared rule on **%,d of %,d files (%.1f %%)**. Counting (file, rule) pairs"
                + " that at least one tool flags: %,d flagged by both, %,d by squawk only, %,d by Slipway only.%n%n",
                agreement.shared().size(), agreement.filesAgreeing(), agreement.files(),
                100.0 * agreement.filesAgreeing() / agreement.files(), total[0], total[1], total[2]));
        md.append("| squawk rule | files flagged by both | squawk only | Slipway only |\n|---|---:|---:|---:|\n");
        agreement.byRule().forEach((rule, c) -> md.append("| `").append(rule).append("` | ").append(c[0])
                .append(" | ").append(c[1]).append(" | ").append(c[2]).append(" |\n"));
        md.append("\n<details><summary>Every measurement</summary>\n\n```csv\ntool,files,seconds,peak_rss_kib\n");
        for (Run run : measured) {
            md.append(String.format(Locale.ROOT, "%s,%d,%.3f,%d%n", run.tool(), run.files(), run.seconds(),
                    run.peakKib()));
        }
        md.append("```\n\n</details>\n\n").append(END).append("\n");
        return md.toString();
    }

    private static String label(String tool) {
        return switch (tool) {
            case "slipway" -> "Slipway";
            case "slipway-tuned" -> "Slipway, short-lived JVM";
            default -> "squawk";
        };
    }

    private static List<Double> seconds(List<Run> measured, String tool, int files) {
        return measured.stream().filter(m -> m.tool().equals(tool) && m.files() == files).map(Run::seconds).toList();
    }

    private static List<Double> peaks(List<Run> measured, String tool, int files) {
        return measured.stream().filter(m -> m.tool().equals(tool) && m.files() == files)
                .map(m -> (double) m.peakKib()).toList();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n == 0 ? 0 : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String joined(List<Integer> sizes) {
        return String.join(",", sizes.stream().map(String::valueOf).toList());
    }

    /** Replaces the generated part of the Lint section, or appends the section at the end of the file. */
    static void write(Path out, String section) throws IOException {
        String text = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "# Benchmarks\n";
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        String updated = start >= 0 && end > start
                ? text.substring(0, start) + section.strip() + text.substring(end + END.length())
                : text.stripTrailing() + "\n\n" + section;
        Files.writeString(out, updated, StandardCharsets.UTF_8);
    }
}
