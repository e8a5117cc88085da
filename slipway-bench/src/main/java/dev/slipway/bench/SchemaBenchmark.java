package dev.slipway.bench;

import dev.slipway.embedded.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Schema introspection and comparison on a schema of many tables: builds database A (N tables of five columns, each
 * with a primary key, an index and a foreign key to the previous table, and a view on every tenth table) and database
 * B (the same with an extra column on every tenth table and the index dropped on every twentieth), then runs
 * {@link SchemaBenchChild} several times, each in a fresh JVM capped at {@code -Xmx512m}, and prints the medians as
 * Markdown lines.
 * <pre>
 * java -cp 'slipway-bench/target/slipway-bench-VERSION.jar:slipway-bench/target/lib/*' \
 *     dev.slipway.bench.SchemaBenchmark [--tables 2000] [--runs 5] [--pg 15]
 * </pre>
 */
public final class SchemaBenchmark {
    private static final Pattern RESULT = Pattern.compile("RESULT (.*)");
    private static final int BATCH = 100;

    private SchemaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--tables", "2000", "--runs", "5", "--pg", "15"));
        for (int i = 0; i + 1 < args.length; i += 2) options.put(args[i], args[i + 1]);
        int tables = Integer.parseInt(options.get("--tables"));
        int runs = Integer.parseInt(options.get("--runs"));
        try (PostgresServer server = PostgresServer.start(Integer.parseInt(options.get("--pg")))) {
            server.createDatabase("schema_a");
            server.createDatabase("schema_b");
            long buildStart = System.nanoTime();
            build(server, "schema_a", tables, false);
            build(server, "schema_b", tables, true);
            System.err.printf(Locale.ROOT, "built two databases of %d tables in %.1f s%n", tables,
                    (System.nanoTime() - buildStart) / 1e9);
            List<Map<String, Long>> results = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                Map<String, Long> result = runChild(server);
                System.err.println("run " + (run + 1) + ": " + result);
                results.add(result);
            }
            print(tables, runs, server.major(), results);
        }
    }

    private static void build(PostgresServer server, String database, int tables, boolean changed)
            throws SQLException {
        try (Connection connection = server.connect(database); Statement ddl = connection.createStatement()) {
            StringBuilder sql = new StringBuilder();
            for (int i = 1; i <= tables; i++) {
                String table = "t" + i;
                sql.append("create table ").append(table).append(" (id bigint primary key, parent_id bigint")
                        .append(i > 1 ? " references t" + (i - 1) + " (id)" : "")
                        .append(", name text not null, amount numeric(12,2) not null default 0,")
                        .append(" created_at timestamptz not null default now()")
                        .append(changed && i % 10 == 0 ? ", note text" : "").append(");\n");
                if (!(changed && i % 20 == 0)) {
                    sql.append("create index ").append(table).append("_name_idx on ").append(table)
                            .append(" (name);\n");
                }
                if (i % 10 == 0) {
                    sql.append("create view v").append(i).append(" as select id, name, amount from ").append(table)
                            .append(" where amount > 0;\n");
                }
                if (i % BATCH == 0 || i == tables) {
                    ddl.execute(sql.toString());
                    sql.setLength(0);
                }
            }
        }
    }

    private static Map<String, Long> runChild(PostgresServer server) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), SchemaBenchChild.class.getName(), server.jdbcUrl("schema_a"),
                server.jdbcUrl("schema_b")).redirectErrorStream(true);
        builder.environment().put(SchemaBenchChild.PASSWORD_VARIABLE, server.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("the schema benchmark child failed:\n" + output);
        }
        Matcher line = RESULT.matcher(output);
        if (!line.find()) throw new IllegalStateException("no RESULT line in:\n" + output);
        Map<String, Long> values = new LinkedHashMap<>();
        for (String pair : line.group(1).strip().split(" ")) {
            String[] parts = pair.split("=");
            values.put(parts[0], Long.parseLong(parts[1]));
        }
        return values;
    }

    private static void print(int tables, int runs, int major, List<Map<String, Long>> results) {
        Map<String, Long> first = results.get(0);
        System.out.printf(Locale.ROOT, "Schema introspection and comparison, %,d tables (%,d views, %,d differences"
                + " between A and B), PostgreSQL %d, median of %d runs, each in a fresh JVM with -Xmx512m:%n%n",
                first.get("tables"), tables / 10, first.get("differences"), major, runs);
        System.out.println("| measure | median | min | max |");
        System.out.println("|---|---:|---:|---:|");
        row("read A, cold JVM", "coldReadMs", " ms", results);
        row("read B", "readBMs", " ms", results);
        row("read A again, warm", "warmReadMs", " ms", results);
        row("compare A with B", "compareMs", " ms", results);
        row("DDL A to B and B to A", "ddlMs", " ms", results);
        row("peak heap used", "heapPeakKb", " KiB", results);
        row("peak RSS (VmHWM)", "vmHwmKb", " KiB", results);
    }

    private static void row(String label, String key, String unit, List<Map<String, Long>> results) {
        List<Long> values = new ArrayList<>(results.stream().map(r -> r.get(key)).toList());
        Collections.sort(values);
        long median = values.get(values.size() / 2);
        System.out.printf(Locale.ROOT, "| %s | %,d%s | %,d%s | %,d%s |%n", label, median, unit, values.get(0), unit,
                values.get(values.size() - 1), unit);
    }
}
