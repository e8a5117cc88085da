package dev.slipway.deploy;

import dev.slipway.apply.DowngradeResult;
import dev.slipway.apply.DowngradeTarget;
import dev.slipway.apply.MigrateResult;
import dev.slipway.backup.BackupListener;
import dev.slipway.backup.BackupResult;
import dev.slipway.backup.RestoreRequest;
import dev.slipway.backup.RestoreResult;
import dev.slipway.db.ServerVersion;
import dev.slipway.lint.PlanReport;
import dev.slipway.migration.Version;
import dev.slipway.sandbox.Sandbox;
import dev.slipway.verify.VerifyOptions;
import dev.slipway.verify.VerifyReport;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * What a deploy runs, one method per runbook step, each as its own command would: {@link dev.slipway.Slipway}
 * provides them for its target. Every method throws {@link dev.slipway.SlipwayException} with the whole story when
 * its step fails.
 */
public interface DeploySteps {
    /** Checks the files and the history against each other (as {@code validate}); throws when they contradict. */
    void preflight();

    /**
     * Takes the deploy lock for as long as the returned handle is open.
     *
     * @throws dev.slipway.SlipwayException when another deploy holds it, naming that session
     */
    AutoCloseable holdDeployLock();

    /** {@return the database about to change, read from it} */
    TargetInfo target();

    /**
     * {@return what migrating to {@code target} (null: everything pending) would run, linted; reads only}
     *
     * @param traceIn where to trace the statements first (given the target's server version; closed after), or
     *                null to judge by the model alone
     */
    PlanReport plan(Version target, Function<ServerVersion, Sandbox> traceIn);

    /**
     * {@return the pending versioned migrations, up to {@code target} (null: all), that have no down migration, by
     * file; reads only}
     */
    List<String> pendingWithoutDown(Version target);

    /** Backs the whole database up (as {@code backup}). */
    BackupResult backup(BackupListener listener);

    /** Counts every table's rows for the verification after migrating; {@return the snapshot file} */
    Path snapshotRowCounts();

    /** Applies pending migrations up to {@code target}, or all of them for null. */
    MigrateResult migrate(Version target);

    /** {@return the checks' results; reads only} */
    VerifyReport verify(VerifyOptions options);

    /** Runs down migrations (the rollback policy {@code downgrade}). */
    DowngradeResult downgrade(DowngradeTarget target);

    /** Restores a backup (the rollback policy {@code restore}). */
    RestoreResult restore(RestoreRequest request, BackupListener listener);
}
