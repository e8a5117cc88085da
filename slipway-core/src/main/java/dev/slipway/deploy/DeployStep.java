package dev.slipway.deploy;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of a deploy as it ran.
 *
 * @param name    the step: {@code preflight}, {@code plan}, {@code confirm}, {@code backup}, {@code snapshot},
 *                {@code hooks.before}, {@code migrate}, {@code verify}, {@code rollback}, {@code hooks.after}
 * @param status  done, skipped or failed
 * @param summary one line: what it did, or why it was skipped, or what failed
 * @param took    how long it took
 */
public record DeployStep(String name, Status status, String summary, Duration took) {
    /** How a step ended. */
    public enum Status {
        DONE, SKIPPED, FAILED
    }

    /** Checks the parts are present. */
    public DeployStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(took, "took");
    }

    static DeployStep skipped(String name, String why) {
        return new DeployStep(name, Status.SKIPPED, why, Duration.ZERO);
    }
}
