package dev.slipway.deploy;

import dev.slipway.db.ServerVersion;
import dev.slipway.lint.Severity;
import dev.slipway.migration.Version;
import dev.slipway.sandbox.Sandbox;
import dev.slipway.verify.VerifyOptions;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a deploy runs.
 *
 * @param target       the last version to apply, or null for every pending migration
 * @param backup       whether to back up before migrating; false only when the user says so ({@code --no-backup})
 * @param failOn       the least serious plan finding that stops the deploy before anything is touched
 * @param verify       the checks after migrating (the library's built-in ones, plus extra checks such as drift)
 * @param confirmation asked for the database name when the target is a protected environment: returns what the
 *                     user typed or passed, or null for nothing
 * @param traceIn      where the plan gate traces the pending statements ({@code plan --trace}), given the target's
 *                     server version (the deploy closes it); null to judge by the model alone
 */
public record DeployOptions(Version target, boolean backup, Severity failOn, VerifyOptions verify,
                            Function<TargetInfo, String> confirmation, Function<ServerVersion, Sandbox> traceIn) {
    /** Checks the parts are present. */
    public DeployOptions {
        Objects.requireNonNull(failOn, "failOn");
        Objects.requireNonNull(verify, "verify");
        Objects.requireNonNull(confirmation, "confirmation");
    }

    /**
     * {@return every pending migration, a backup first, stopped by plan errors, the built-in checks after, and no
     * confirmation given (so a protected environment refuses)}
     */
    public static DeployOptions defaults() {
        return new DeployOptions(null, true, Severity.ERROR, VerifyOptions.defaults(), target -> null, null);
    }

    /** {@return a copy that stops after {@code version}} */
    public DeployOptions withTarget(Version version) {
        return new DeployOptions(version, backup, failOn, verify, confirmation, traceIn);
    }

    /** {@return a copy that does or does not back up first} */
    public DeployOptions withBackup(boolean newBackup) {
        return new DeployOptions(target, newBackup, failOn, verify, confirmation, traceIn);
    }

    /** {@return a copy stopped by plan findings at or above {@code threshold}} */
    public DeployOptions withFailOn(Severity threshold) {
        return new DeployOptions(target, backup, threshold, verify, confirmation, traceIn);
    }

    /** {@return a copy with other checks after migrating} */
    public DeployOptions withVerify(VerifyOptions newVerify) {
        return new DeployOptions(target, backup, failOn, newVerify, confirmation, traceIn);
    }

    /** {@return a copy that asks {@code newConfirmation} for the database name} */
    public DeployOptions withConfirmation(Function<TargetInfo, String> newConfirmation) {
        return new DeployOptions(target, backup, failOn, verify, newConfirmation, traceIn);
    }

    /** {@return a copy whose plan gate traces the pending statements in a sandbox from {@code sandboxes}} */
    public DeployOptions withTrace(Function<ServerVersion, Sandbox> sandboxes) {
        return new DeployOptions(target, backup, failOn, verify, confirmation, sandboxes);
    }
}
