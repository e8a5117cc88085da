package dev.slipway.cli;

import dev.slipway.deploy.DeployEvent;
import dev.slipway.deploy.DeployListener;
import dev.slipway.deploy.DeployReport;
import dev.slipway.deploy.DeployStep;
import dev.slipway.verify.CheckStatus;
import java.util.List;

/** The text of a deploy: its steps as they run, and the line that sums it up. Used by {@code deploy} and the demo. */
final class DeployText {
    private DeployText() {
    }

    /**
     * {@return a listener that prints each step, the hooks' output and the backup's progress}
     *
     * @param indent put before every line, e.g. the demo's
     */
    static DeployListener progress(Output output, BackupProgress backup, String indent) {
        return event -> {
            if (event instanceof DeployEvent.Started started) {
                output.progress(indent + "== " + started.step() + ": " + started.what());
            } else if (event instanceof DeployEvent.Finished finished) {
                backup.endLine();
                DeployStep step = finished.step();
                output.progress(indent + (step.status() == DeployStep.Status.SKIPPED
                        ? "== " + step.name() + ": skipped, " + step.summary()
                        : "   " + (step.status() == DeployStep.Status.DONE ? "ok" : "FAILED") + " in "
                        + step.took().toMillis() + " ms: " + step.summary()));
            } else if (event instanceof DeployEvent.HookOutput hook) {
                output.progress(indent + "   | " + hook.line());
            } else if (event instanceof DeployEvent.Backup progress) {
                backup.on(progress.event());
            }
        };
    }

    /**
     * {@return the checks that failed after migrating, each with the rows or objects it found, as {@code verify}
     * prints them; none when the deploy did not get that far or they passed}
     */
    static List<String> failedChecks(DeployReport report) {
        if (report.verification() == null) return List.of();
        return report.verification().results().stream().filter(result -> result.status() == CheckStatus.FAILED)
                .flatMap(result -> VerifyCommand.lines(result).stream()).toList();
    }

    /** {@return one line: what the deploy did and where the database is now} */
    static String summary(DeployReport report) {
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
}
