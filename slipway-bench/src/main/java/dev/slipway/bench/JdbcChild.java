package dev.slipway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The floor: plain JDBC with no bookkeeping. To apply, it runs each file in name order in its own transaction on one
 * connection; with nothing to apply, it connects and reads every file (the least any tool that checks what is on
 * disk must do) and stops.
 */
public final class JdbcChild {
    private JdbcChild() {
    }

    /** Runs once with the arguments described in {@link ChildContext}, then prints the report line. */
    public static void main(String[] args) {
        ChildContext context = ChildContext.fromArgs(args);
        int applied = run(context.workload(), context.dataSource(), context.mode(), context::phase);
        context.report(applied);
    }

    /** {@return how many files were run} */
    static int run(Workload workload, DataSource dataSource, Mode mode, Phases phases) {
        try (Connection connection = dataSource.getConnection()) {
            phases.end("connect");
            List<String> scripts = read(workload.migrations());
            phases.end("read");
            if (mode == Mode.NOOP) return 0;
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String script : scripts) {
                    statement.execute(script);
                    connection.commit();
                }
            }
            phases.end("apply");
            return scripts.size();
        } catch (SQLException e) {
            throw new IllegalStateException("plain JDBC run failed: " + e.getMessage(), e);
        }
    }

    private static List<String> read(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> scripts = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList()) {
                scripts.add(Files.readString(file, StandardCharsets.UTF_8));
            }
            return scripts;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + folder, e);
        }
    }
}
