package dev.slipway.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's command line.
 *
 * @param runs      measured runs per tool, size and mode
 * @param sizes     workload sizes (migration counts)
 * @param tools     the tools, in the order tables list them
 * @param out       the Markdown report to write
 * @param pgMajor   the PostgreSQL major version to start
 * @param warmup    whether to run every tool once, unmeasured, before measuring (fills the OS file cache)
 * @param classPath the class path every child JVM gets
 */
public record BenchOptions(int runs, List<Integer> sizes, List<Tool> tools, Path out, int pgMajor, boolean warmup,
        String classPath) {
    static final String USAGE = """
            usage: BenchmarkRunner [--runs N] [--sizes 1000,5000] [--tools slipway,flyway,liquibase,jdbc]
                                   [--out docs/BENCHMARKS.md] [--pg 15] [--no-warmup] [--classpath CP]""";

    public BenchOptions {
        sizes = List.copyOf(sizes);
        tools = List.copyOf(tools);
        if (runs < 1) throw new IllegalArgumentException("--runs must be at least 1");
        if (sizes.isEmpty() || sizes.stream().anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException("--sizes needs positive migration counts, e.g. 1000,5000");
        }
        if (tools.isEmpty()) throw new IllegalArgumentException("--tools needs at least one tool");
    }

    /** {@return the options given by {@code args}; defaults: 5 runs, 1000 and 5000, every tool} */
    public static BenchOptions parse(String[] args) {
        int runs = 5;
        List<Integer> sizes = List.of(1000, 5000);
        List<Tool> tools = List.of(Tool.values());
        Path out = Path.of("docs", "BENCHMARKS.md");
        int pg = 15;
        boolean warmup = true;
        String classPath = System.getProperty("java.class.path");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--runs" -> runs = Integer.parseInt(value(args, ++i, arg));
                case "--sizes" -> sizes = Arrays.stream(value(args, ++i, arg).split(","))
                        .map(String::trim).map(Integer::valueOf).toList();
                case "--tools" -> {
                    List<Tool> chosen = new ArrayList<>();
                    for (String name : value(args, ++i, arg).split(",")) {
                        chosen.add(Tool.parse(name));
                    }
                    tools = chosen;
                }
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--pg" -> pg = Integer.parseInt(value(args, ++i, arg));
                case "--no-warmup" -> warmup = false;
                case "--classpath" -> classPath = value(args, ++i, arg);
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'\n" + USAGE);
            }
        }
        return new BenchOptions(runs, sizes, tools, out, pg, warmup, classPath);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        return args[index];
    }
}
