package dev.slipway.cli;

import dev.slipway.Slipway;
import dev.slipway.SlipwayBuilder;
import dev.slipway.deploy.DeployEvent;
import dev.slipway.deploy.DeployListener;
import dev.slipway.deploy.DeployOptions;
import dev.slipway.deploy.DeployReport;
import dev.slipway.deploy.DeployStep;
import dev.slipway.verify.VerifyOptions;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway deploy [--env NAME]}: the whole runbook, with the environment's rollback policy on a failure. */
@Command(name = "deploy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run the whole runbook: preflight (validate), the plan gate (lint at --fail-on), the"
                + " confirmation of a protected environment, a backup, a row-count snapshot, hooks.before, migrate,"
                + " verify, hooks.after. A failed migration, or a check that fails only after migrating, runs the"
                + " environment's rollback policy (downgrade, restore or none). Exit 0 deployed or up to date; 1"
                + " failed; 2 refused before anything was touched; 3 the plan or the checks failed; 4 failed and"
                + " rolled back.")
final class DeployCommand extends BaseCommand {
    @Option(names = "--target", paramLabel = "VERSION", description = "Deploy up to this version.")
    String target;

    @Option(names = "--no-backup", description = "Do not back up first (refused where rollback = \"restore\").")
    boolean noBackup;

    @Option(names = "--drift", description = "Also check for schema drift after migrating, on a scratch database"
            + " (--dev-url, or a throwaway local cluster).")
    boolean drift;

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
        DeployReport report = slipway.deploy(options, progress());
        if (output().json()) {
            output().document(report);
        } else {
            output().line(summary(report));
        }
        if (report.failure() != null) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: " + report.failure());
            err.flush();
        }
        return report.exitStatus().code();
    }

    /** {@return a listener that prints each step, the hooks' output and the backup's progress} */
    private DeployListener progress() {
        BackupProgress backup = new BackupProgress(spec.commandLine().getOut(), options(), System.console() != null);
        return event -> {
            if (event instanceof DeployEvent.Started started) {
                output().progress("== " + started.step() + ": " + started.what());
            } else if (event instanceof DeployEvent.Finished finished) {
                backup.endLine();
                DeployStep step = finished.step();
                output().progress(step.status() == DeployStep.Status.SKIPPED
                        ? "== " + step.name() + ": skipped, " + step.summary()
                        : "   " + (step.status() == DeployStep.Status.DONE ? "ok" : "FAILED") + " in "
                        + millis(step.took()) + ": " + step.summary());
            } else if (event instanceof DeployEvent.HookOutput hook) {
                output().progress("   | " + hook.line());
            } else if (event instanceof DeployEvent.Backup progress) {
                backup.on(progress.event());
            }
        };
    }

    private static String summary(DeployReport report) {
        String where = "database " + report.target().database()
                + (report.target().environment() == null ? "" : " (" + report.target().environment() + ")");
        String version = report.to() == null ? "none" : report.to().toString();
        String before = report.target().current() == null ? "none" : report.target().current().toString();
        return switch (report.outcome()) {
            case DEPLOYED -> "deployed " + where + ": version " + before + " -> " + version
                    + (report.backupId() == null ? ", no backup" : ", backup " + report.backupId());
            case UP_TO_DATE -> "up to date: " + where + " is at version " + version + ", nothing to deploy";
            case REFUSED -> "refused by the plan: " + where + " not touched, at version " + version;
            case VERIFY_FAILED -> "deployed " + where + " to version " + version + ", but checks FAILED";
            case ROLLED_BACK -> "FAILED and rolled back: " + where + " is at version " + version;
            case FAILED, ROLLBACK_FAILED -> "deploy FAILED: " + where + ", see below";
        };
    }

    private static String millis(Duration took) {
        return took.toMillis() + " ms";
    }
}
