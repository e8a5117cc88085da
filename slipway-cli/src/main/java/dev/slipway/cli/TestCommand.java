package dev.slipway.cli;

import dev.slipway.ExitStatus;
import dev.slipway.Slipway;
import dev.slipway.db.ServerVersion;
import dev.slipway.lint.LintOptions;
import dev.slipway.sandbox.RoundTripReport;
import dev.slipway.sandbox.RoundTripStep;
import dev.slipway.sandbox.Sandbox;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slipway test}: every migration up, down and up again in a scratch database, the schema compared each time. */
@Command(name = "test", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Round trip on a scratch database (--dev-url, or a local cluster): each versioned migration is"
                + " applied, reverted with its down migration and applied again, and the schema compared after each"
                + " step. Touches no other database. Exit 0 when every down migration gives back the schema before"
                + " its up migration, 3 when one does not or a migration fails.")
final class TestCommand extends BaseCommand {
    @Option(names = "--pg-version", paramLabel = "VERSION",
            description = "PostgreSQL major version of the local cluster (default: the target's when --url or --env"
                    + " names one, else the version lint assumes, or the newest with binaries here).")
    String pgVersion;

    @Override
    public Integer call() {
        Slipway slipway = slipway();
        RoundTripReport report = slipway.roundTrip(() -> {
            Sandbox sandbox = sandbox(version(slipway));
            output().progress("round trip of the migrations in a scratch database of " + sandbox);
            return sandbox;
        });
        if (output().json()) {
            output().document(json(report));
        } else {
            render(report);
        }
        return report.passed() ? ExitStatus.OK.code() : ExitStatus.CHECK_FAILED.code();
    }

    /**
     * The target's version when there is a target: the scratch server should be what the migrations will meet. With
     * neither a target nor --pg-version, the version lint assumes, or the newest this machine has binaries of.
     */
    private ServerVersion version(Slipway slipway) {
        if (pgVersion != null) return ServerVersion.ofNum(LintCommand.pgMajor(pgVersion) * 10_000);
        if (slipway.settings().connection().isPresent()) return slipway.serverVersion();
        return ServerVersion.ofNum(Sandbox.localMajor(LintOptions.DEFAULT_PG_MAJOR) * 10_000);
    }

    private void render(RoundTripReport report) {
        for (RoundTripStep step : report.steps()) {
            output().line(line(step));
            if (step.failure() != null) step.failure().lines().forEach(line -> output().line("      " + line));
            step.differences().forEach(difference -> output().line("      " + difference.describe()));
        }
        report.notRun().forEach(location -> output().line("  " + location + ": not run"));
        if (!report.repeatables().isEmpty()) {
            output().line("left out: " + report.repeatables().size() + " repeatable migration(s), which have no down"
                    + " migrations");
        }
        long passed = count(report, RoundTripStep.Outcome.PASSED);
        long noDown = count(report, RoundTripStep.Outcome.NO_DOWN);
        output().line((report.passed() ? "round trip passed" : "round trip FAILED") + " on PostgreSQL "
                + report.server() + ": " + passed + " passed, " + noDown + " without a down migration, "
                + report.failures().size() + " failed" + (report.notRun().isEmpty() ? ""
                : ", " + report.notRun().size() + " not run"));
    }

    private static String line(RoundTripStep step) {
        String took = " (up " + step.upTook().toMillis() + " ms)";
        return "  " + step.up() + ": " + switch (step.outcome()) {
            case PASSED -> "up, down, up again: the same schemas" + took;
            case NO_DOWN -> "no down migration; up only" + took;
            case DOWN_DIFFERS -> "FAILED: " + step.down() + " leaves " + step.differences().size()
                    + " difference(s) from the schema before " + step.version() + " (before -> after the down):";
            case UP_AGAIN_DIFFERS -> "FAILED: applied again after " + step.down() + ", it builds another schema ("
                    + "first -> second):";
            case UP_FAILED -> "FAILED to apply:";
            case DOWN_FAILED -> "FAILED: its down migration " + step.down() + " fails:";
            case UP_AGAIN_FAILED -> "FAILED: it does not apply again after " + step.down()
                    + (step.differences().isEmpty() ? ":" : ", which leaves " + step.differences().size()
                    + " difference(s) (before -> after the down) and the error below:");
        };
    }

    private static long count(RoundTripReport report, RoundTripStep.Outcome outcome) {
        return report.steps().stream().filter(step -> step.outcome() == outcome).count();
    }

    private static Map<String, Object> json(RoundTripReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("passed", report.passed());
        json.put("server", report.server());
        json.put("steps", report.steps().stream().map(TestCommand::json).toList());
        json.put("notRun", report.notRun());
        json.put("leftOut", report.repeatables());
        return json;
    }

    private static Map<String, Object> json(RoundTripStep step) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", step.version().toString());
        json.put("up", step.up());
        json.put("down", step.down());
        json.put("outcome", step.outcome().name().toLowerCase(Locale.ROOT));
        json.put("failed", step.outcome().failed());
        json.put("upMs", step.upTook().toMillis());
        json.put("differences", SchemaDifferencesJson.differences(step.differences()));
        json.put("failure", step.failure());
        return json;
    }
}
