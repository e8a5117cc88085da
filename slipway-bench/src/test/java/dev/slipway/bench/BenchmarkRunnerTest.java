package dev.slipway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.embedded.PostgresServer;
import dev.slipway.testkit.PostgresExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The runner end to end, each tool in a child JVM as in a real benchmark, on a tiny workload. */
@ExtendWith(PostgresExtension.class)
class BenchmarkRunnerTest {
    @Test
    void measuresEveryToolInChildProcessesAndWritesTheReport(PostgresServer server, @TempDir Path dir)
            throws IOException {
        Path out = dir.resolve("BENCHMARKS.md");
        Files.writeString(out, "old numbers\n" + MarkdownReport.NOTES_MARKER + "\n## Notes\nkept by hand\n");
        BenchOptions options = BenchOptions.parse(new String[] {"--runs", "1", "--sizes", "8", "--no-warmup",
            "--out", out.toString()});
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        Results results = new BenchmarkRunner(options, new PrintStream(progress, true, StandardCharsets.UTF_8))
                .run(server);
        MarkdownReport.write(out, results);

        assertThat(results.measurements()).hasSize(Tool.values().length * 2);
        for (Tool tool : Tool.values()) {
            List<Measurement> apply = results.cell(tool, Mode.APPLY, 8);
            assertThat(apply).singleElement().satisfies(m -> {
                assertThat(m.applied()).isEqualTo(8);
                assertThat(m.seconds()).isPositive();
                assertThat(m.peakRssKb()).isPositive();
            });
            assertThat(results.cell(tool, Mode.NOOP, 8)).singleElement()
                    .satisfies(m -> assertThat(m.applied()).isZero());
        }
        String report = Files.readString(out);
        assertThat(report).doesNotContain("old numbers")
                .contains("## Apply 8 migrations to an empty database", "## No-op start with 8 migrations",
                        "| Slipway |", "| Flyway |", "| Liquibase |", "| plain JDBC (floor) |", "Slipway / Flyway = ",
                        "## Goals")
                .endsWith(MarkdownReport.NOTES_MARKER + "\n## Notes\nkept by hand\n");
        assertThat(report).doesNotContain(server.password());
    }

    @Test
    void rejectsUnknownOptionsAndTools() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--fast"}))
                .hasMessageContaining("unknown option '--fast'");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--tools", "slipway,alembic"}))
                .hasMessageContaining("unknown tool 'alembic'");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--runs", "0"}))
                .hasMessageContaining("--runs must be at least 1");
    }
}
