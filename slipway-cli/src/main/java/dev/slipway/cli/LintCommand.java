package dev.slipway.cli;

import dev.slipway.ExitStatus;
import dev.slipway.SlipwayException;
import dev.slipway.config.SlipwayConfig;
import dev.slipway.lint.FileReport;
import dev.slipway.lint.LintOptions;
import dev.slipway.lint.Linter;
import dev.slipway.lint.Severity;
import dev.slipway.lint.UndoneByDown;
import dev.slipway.migration.MigrationFormatException;
import dev.slipway.migration.Placeholders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway lint FILE...}: judges migration files offline, without a database. */
@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check migration files for statements that lock, rewrite or destroy, without a"
        + " database. Exit 3 when a finding is at or above --fail-on.")
final class LintCommand extends BaseCommand {
    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "SQL files or folders (searched for *.sql). Default: --locations, else the locations"
                    + " of slipway.toml, else db/migration.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--pg-version", paramLabel = "VERSION",
            description = "PostgreSQL version the migrations will run on (default " + LintOptions.DEFAULT_PG_MAJOR
                    + ").")
    String pgVersion;

    @Mixin
    FailOnOption failOn;

    /** A down migration is linted knowing what its up migration creates, which reverting drops. */
    private static FileReport lintOne(Linter linter, Placeholders placeholders, Path file, Path workingDir) {
        String shown = display(file, workingDir);
        String sql;
        try {
            sql = placeholders.replace(read(file), shown);
        } catch (MigrationFormatException e) {
            throw SlipwayException.badInput(e.getMessage(), e.where().toString(), "define the placeholder, or lint"
                    + " with the configuration that defines it (--config, SLIPWAY_PLACEHOLDERS_<NAME>)");
        }
        return UndoneByDown.forDownMigration(file, path -> display(path, workingDir))
                .map(undone -> linter.lintDown(shown, sql, undone)).orElseGet(() -> linter.lint(shown, sql));
    }

    @Override
    public Integer call() {
        SlipwayConfig config = projectConfig();
        Severity threshold = failOn.threshold(config);
        Linter linter = Linter.of(LintOptions.defaults().withPgMajor(pgMajor(pgVersion)));
        Placeholders placeholders = new Placeholders(config.migrations().placeholders());
        List<Path> files = files(config);
        Path workingDir = Path.of("").toAbsolutePath();
        LintRenderer renderer = LintRenderer.of(options(), spec.commandLine().getOut(), threshold);
        boolean failed = false;
        renderer.start();
        int threads = Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "slipway-lint");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // files are judged in parallel but reported in order; a bounded window keeps memory flat
            Deque<Future<FileReport>> window = new ArrayDeque<>();
            int next = 0;
            while (next < files.size() || !window.isEmpty()) {
                while (next < files.size() && window.size() < threads * 16) {
                    Path file = files.get(next++);
                    window.add(pool.submit(() -> lintOne(linter, placeholders, file, workingDir)));
                }
                FileReport report = take(window.removeFirst());
                failed |= report.failsAt(threshold);
                renderer.file(report);
            }
        } finally {
            pool.shutdownNow();
        }
        renderer.finish(files.size(), failed);
        return failed ? ExitStatus.CHECK_FAILED.code() : ExitStatus.OK.code();
    }

    private static FileReport take(Future<FileReport> report) {
        try {
            return report.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while linting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            throw new IllegalStateException(e.getCause());
        }
    }

    static int pgMajor(String text) {
        if (text == null) return LintOptions.DEFAULT_PG_MAJOR;
        try {
            return LintOptions.parsePgVersion(text);
        } catch (IllegalArgumentException e) {
            throw SlipwayException.badInput(e.getMessage(), "--pg-version", "give a version such as 16 or 15.4");
        }
    }

    private List<Path> files(SlipwayConfig config) {
        List<Path> roots = new ArrayList<>(paths);
        if (roots.isEmpty()) {
            List<String> locations = options().locations != null ? List.of(options().locations)
                    : config.migrations().locations();
            for (String location : locations) {
                // classpath: and classes: locations hold no SQL files on disk to read
                if (location.startsWith("classpath:") || location.startsWith("classes:")) continue;
                roots.add(Path.of(location.startsWith("filesystem:") ? location.substring("filesystem:".length())
                        : location));
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".sql"))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(root)) {
                files.add(root);
            } else {
                throw SlipwayException.badInput("no such file or folder: " + root, "lint",
                        "give SQL files or folders that exist");
            }
        }
        return files;
    }

    private static String display(Path file, Path workingDir) {
        Path shown = file.isAbsolute() && file.startsWith(workingDir) ? workingDir.relativize(file) : file.normalize();
        return shown.toString().replace('\\', '/');
    }

    private static String read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.UTF_8);
            // the replacing decoder is the fast one; only text with a replacement character needs the strict one,
            // to tell bytes that are not UTF-8 from a U+FFFD written on purpose
            if (text.indexOf('\uFFFD') >= 0) StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return text;
        } catch (CharacterCodingException e) {
            throw SlipwayException.badInput(file + " is not UTF-8 text", file.toString(), "save it as UTF-8");
        } catch (IOException e) {
            throw SlipwayException.badInput("cannot read " + file + ": " + e.getMessage(), file.toString(),
                    "check that the file exists and is readable");
        }
    }
}
