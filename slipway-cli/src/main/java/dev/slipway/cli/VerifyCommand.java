package dev.slipway.cli;

import dev.slipway.ExitStatus;
import dev.slipway.Slipway;
import dev.slipway.SlipwayException;
import dev.slipway.verify.CheckResult;
import dev.slipway.verify.CheckStatus;
import dev.slipway.verify.VerifyOptions;
import dev.slipway.verify.VerifyReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slipway verify}: is the database what it should be after a deploy? */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check the revision, the smoke checks (checks/*.sql, *.check.sql next to migrations) and the"
                + " integrity of the database: invalid indexes, NOT VALID constraints, sequences behind their column,"
                + " orphaned rows, row counts against the snapshot; and schema drift against the applied migrations,"
                + " built on a scratch database (--dev-url, or a throwaway local cluster). Reads only."
                + " Exit 3 when a check fails.")
final class VerifyCommand extends BaseCommand {
    @Option(names = "--expect", paramLabel = "VERSION",
            description = "The version the database must be at (default: the newest migration, nothing pending).")
    String expect;

    @Option(names = "--only", paramLabel = "CHECK", split = ",",
            description = "Run only these checks: revision, smoke, integrity (or one of indexes, constraints,"
                    + " sequences, orphans, row-counts), drift.")
    List<String> only;

    @Option(names = "--snapshot",
            description = "Count the rows of every table and save them for a later verify to compare with; checks"
                    + " nothing.")
    boolean snapshot;

    @Override
    public Integer call() {
        if (snapshot) return snapshot();
        Slipway slipway = slipway();
        VerifyOptions options = VerifyOptions.defaults().withOnly(only == null ? List.of() : only)
                .withCheck(slipway.driftCheck(this::sandbox));
        if (expect != null) options = options.withExpect(Versions.parse("--expect", expect));
        VerifyReport report = slipway.verify(options);
        if (output().json()) {
            output().document(report);
        } else {
            report.results().forEach(result -> lines(result).forEach(output()::line));
            output().line("verify " + (report.ok() ? "passed" : "FAILED") + ": " + report.passed() + " passed, "
                    + report.failed() + " failed, " + report.skipped() + " skipped");
        }
        return report.ok() ? ExitStatus.OK.code() : ExitStatus.CHECK_FAILED.code();
    }

    private Integer snapshot() {
        if (expect != null || only != null) {
            throw SlipwayException.badInput("--snapshot takes the row counts and checks nothing, so --expect and"
                    + " --only do not go with it", "--snapshot", "run `slipway verify --snapshot` before the deploy"
                    + " and `slipway verify` after it");
        }
        Path file = slipway().snapshotRowCounts();
        Path here = Path.of("").toAbsolutePath();
        if (file.startsWith(here)) file = here.relativize(file);
        if (output().json()) {
            output().document(Map.of("snapshot", file.toString()));
        } else {
            output().line("row counts saved to " + file + "; `slipway verify` compares with them");
        }
        return ExitStatus.OK.code();
    }

    /** {@return a result as the text report shows it: its line, then one indented line per row or object found} */
    static List<String> lines(CheckResult result) {
        List<String> lines = new ArrayList<>();
        lines.add(label(result.status()) + (result.source() == null ? "" : result.source() + " ") + result.name()
                + ": " + result.summary());
        result.details().forEach(detail -> lines.add("        " + detail));
        return lines;
    }

    /** {@return the fixed-width label a text report starts a result with} */
    static String label(CheckStatus status) {
        return switch (status) {
            case PASSED -> "ok    ";
            case FAILED -> "FAIL  ";
            case SKIPPED -> "skip  ";
        };
    }
}
