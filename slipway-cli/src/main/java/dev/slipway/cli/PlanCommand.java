package dev.slipway.cli;

import dev.slipway.ExitStatus;
import dev.slipway.Slipway;
import dev.slipway.lint.FileReport;
import dev.slipway.lint.Finding;
import dev.slipway.lint.PlanOptions;
import dev.slipway.lint.PlanReport;
import dev.slipway.lint.Severity;
import dev.slipway.migration.Version;
import dev.slipway.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway plan [--target V]}: the SQL {@code migrate} would run, annotated from the live database. */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Show the SQL that migrate would run, each statement with its locks, live table sizes,"
                + " estimated blocking and predicted failures; reads only. --trace also runs each statement on a"
                + " scratch database with the target's schema (--dev-url, or a local cluster of the target's major"
                + " version) and shows the locks and rewrites the server took there, which replace the model's guess."
                + " Exit 3 when a finding is at or above --fail-on or a statement would fail on today's rows.")
final class PlanCommand extends BaseCommand {
    @Option(names = "--target", paramLabel = "VERSION", description = "Plan up to this version.")
    String target;

    @Mixin
    FailOnOption failOn;

    @Option(names = "--max-blocking", paramLabel = "DURATION",
            description = "Ask for review when a statement is estimated to block others longer"
                    + " (default: max_blocking of slipway.toml, 1s).")
    String maxBlocking;

    @Option(names = "--trace", description = "Run the statements on a scratch database with the target's schema and"
            + " show what they locked and rewrote there.")
    boolean trace;

    @Override
    public Integer call() {
        // read before connecting, so a bad fail_on stops the run with exit 2 before the database is asked anything
        Severity threshold = failOn.threshold(projectConfig());
        Version to = target == null ? null : Versions.parse("--target", target);
        Slipway slipway = slipway();
        PlanOptions options = slipway.planOptions();
        if (maxBlocking != null) options = options.withMaxBlocking(DurationConverter.parse("--max-blocking",
                maxBlocking));
        PlanReport plan;
        if (trace) {
            try (Sandbox sandbox = sandbox(slipway.serverVersion())) {
                output().progress("tracing the pending migrations in " + sandbox);
                plan = slipway.plan(to, options, sandbox);
            }
        } else {
            plan = slipway.plan(to, options);
        }
        if (options().sarif()) {
            LintRenderer sarif = LintRenderer.of(options(), spec.commandLine().getOut(), threshold);
            sarif.start();
            for (PlanReport.Migration migration : plan.migrations()) {
                List<Finding> findings = new ArrayList<>(migration.findings());
                migration.statements().forEach(s -> findings.addAll(s.findings()));
                sarif.file(new FileReport(migration.script(), findings));
            }
            sarif.finish(plan.migrations().size(), plan.failsAt(threshold));
        } else if (output().json()) {
            output().document(plan);
        } else {
            PlanText.write(plan, options().isQuiet(), line -> output().line(line));
        }
        return plan.failsAt(threshold) ? ExitStatus.CHECK_FAILED.code() : ExitStatus.OK.code();
    }
}
