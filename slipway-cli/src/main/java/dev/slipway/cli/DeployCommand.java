package dev.slipway.cli;

import dev.slipway.Slipway;
import dev.slipway.SlipwayBuilder;
import dev.slipway.deploy.DeployOptions;
import dev.slipway.deploy.DeployReport;
import dev.slipway.verify.VerifyOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway deploy [--env NAME]}: the whole runbook, with the environment's rollback policy on a failure. */
@Command(name = "deploy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run the whole runbook: preflight (validate), the plan gate (lint at --fail-on), the"
                + " confirmation of a protected environment, a backup, a row-count snapshot, hooks.before, migrate,"
                + " verify, hooks.after (with rollback = \"restore\", hooks.before runs before the backup). A failed"
                + " migration, or a check that fails only after migrating, runs the environment's rollback policy"
                + " (downgrade, restore or none). Exit 0 deployed or up to date; 1 failed; 2 refused before anything"
                + " was touched; 3 the plan or the checks failed; 4 failed and rolled back.")
final class DeployCommand extends BaseCommand {
    @Option(names = "--target", paramLabel = "VERSION", description = "Deploy up to this version.")
    String target;

    @Option(names = "--no-backup", description = "Do not back up first (refused where rollback = \"restore\").")
    boolean noBackup;

    @Option(names = "--drift", description = "Also check for schema drift after migrating, on a scratch database"
            + " (--dev-url, or a throwaway local cluster).")
    boolean drift;

    @Option(names = "--trace", description = "Trace the pending statements on a scratch database before the plan"
            + " gate judges them (as plan --trace; --dev-url, or a throwaway local cluster).")
    boolean trace;

    @Mixin
    FailOnOption failOn;

    @Mixin
    BackupDirectoryOption backupDirectory;

    @Override
    void customize(SlipwayBuilder builder) {
        backupDirectory.applyTo(builder);
    }

    @Override
    public Integer call() {
        // read before connecting, so a bad fail_on or --target stops the run with exit 2 before anything is asked
        DeployOptions options = DeployOptions.defaults()
                .withFailOn(failOn.threshold(projectConfig()))
                .withTarget(target == null ? null : Versions.parse("--target", target))
                .withBackup(!noBackup)
                .withConfirmation(on -> typedConfirmation(on, "deploy"));
        Slipway slipway = slipway();
        if (drift) options = options.withVerify(VerifyOptions.defaults().withCheck(slipway.driftCheck(this::sandbox)));
        if (trace) options = options.withTrace(this::sandbox);
        BackupProgress backup = new BackupProgress(spec.commandLine().getOut(), options(), System.console() != null);
        DeployReport report = slipway.deploy(options, DeployText.progress(output(), backup, ""));
        if (output().json()) {
            output().document(report);
        } else {
            DeployText.failedChecks(report).forEach(output()::line);
            output().line(DeployText.summary(report));
        }
        if (report.failure() != null) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: " + report.failure());
            err.flush();
        }
        return report.exitStatus().code();
    }
}
