package dev.slipway.deploy;

import dev.slipway.ExitStatus;
import dev.slipway.apply.AppliedMigration;
import dev.slipway.lint.PlanReport;
import dev.slipway.migration.Version;
import dev.slipway.verify.VerifyReport;
import java.util.List;
import java.util.Objects;

/**
 * What a deploy did.
 *
 * @param outcome      how it ended, which gives the exit status
 * @param target       the database, as it was before the deploy
 * @param to           the version the database is at now, as the last step that changed it left it; null for none
 *                     or, after a failure the rollback policy did not undo, as {@link #failure} says
 * @param applied      the migrations this deploy applied (reverted again when the outcome is a rollback)
 * @param backupId     the backup taken before migrating, or null when none was taken
 * @param steps        every step in the order it ran
 * @param plan         the plan the gate judged, or null when the deploy stopped before it
 * @param verification the checks after migrating, or null when it stopped before them
 * @param failure      the whole story of a failure (what failed, the state the database is in, the next command),
 *                     or null when the deploy succeeded
 */
public record DeployReport(Outcome outcome, TargetInfo target, Version to, List<AppliedMigration> applied,
                           String backupId, List<DeployStep> steps, PlanReport plan, VerifyReport verification,
                           String failure) {
    /** How a deploy ended. */
    public enum Outcome {
        /** Every pending migration applied and verified. */
        DEPLOYED(ExitStatus.OK),
        /** Nothing was pending: nothing backed up, no hook run, nothing touched. */
        UP_TO_DATE(ExitStatus.OK),
        /** The plan gate found findings at or above the threshold: nothing touched. */
        REFUSED(ExitStatus.CHECK_FAILED),
        /** A step failed and the rollback policy is {@code none}, or the failure came before migrating. */
        FAILED(ExitStatus.FAILED),
        /** The migrations applied but checks failed after them; the rollback policy is {@code none}. */
        VERIFY_FAILED(ExitStatus.CHECK_FAILED),
        /** A step failed after migrating began, and the rollback policy put the database back. */
        ROLLED_BACK(ExitStatus.ROLLED_BACK),
        /** A step failed, and so did the rollback policy: {@link #failure} says where the database is. */
        ROLLBACK_FAILED(ExitStatus.FAILED);

        private final ExitStatus status;

        Outcome(ExitStatus status) {
            this.status = status;
        }

        /** {@return the exit status a run with this outcome ends with} */
        public ExitStatus status() {
            return status;
        }
    }

    /** Checks the parts are present and copies the lists. */
    public DeployReport {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(target, "target");
        applied = List.copyOf(applied);
        steps = List.copyOf(steps);
    }

    /** {@return the exit status of the deploy} */
    public ExitStatus exitStatus() {
        return outcome.status();
    }
}
