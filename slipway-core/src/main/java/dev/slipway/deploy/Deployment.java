package dev.slipway.deploy;

import dev.slipway.SlipwayException;
import dev.slipway.apply.AppliedMigration;
import dev.slipway.apply.DowngradeResult;
import dev.slipway.apply.DowngradeTarget;
import dev.slipway.apply.MigrateResult;
import dev.slipway.backup.BackupListener;
import dev.slipway.backup.BackupResult;
import dev.slipway.backup.RestoreRequest;
import dev.slipway.backup.RestoreResult;
import dev.slipway.config.EnvironmentConfig;
import dev.slipway.config.RollbackPolicy;
import dev.slipway.lint.Finding;
import dev.slipway.lint.PlanReport;
import dev.slipway.migration.CallbackScript;
import dev.slipway.migration.Version;
import dev.slipway.verify.CheckResult;
import dev.slipway.verify.CheckStatus;
import dev.slipway.verify.Verifier;
import dev.slipway.verify.VerifyReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The whole runbook as one run: preflight, plan gate, confirmation, backup, row-count snapshot, before-hooks,
 * migrate, verify, after-hooks. Where the rollback restores the backup, the before-hooks (maintenance on) run
 * before the backup instead, so that the restore cannot discard what the application wrote after it. Nothing is
 * touched until the preflight, the plan gate and the confirmation have passed; a failure from migrating on is
 * answered by the environment's rollback policy, and the after-hooks run whenever the before-hooks did. Not
 * thread-safe; one per deploy.
 */
public final class Deployment {
    /** How many plan findings a refusal names; the plan lists them all. */
    private static final int NAMED_FINDINGS = 5;
    /** The check of the version, as {@code verify --only} names it: it fails before any deploy with work to do. */
    private static final String REVISION_CHECK = "revision";
    /** The check of the row counts against the snapshot, as {@code verify --only} names it. */
    private static final String ROW_COUNT_CHECK = "row-counts";

    private final DeploySteps steps;
    private final DeployOptions options;
    private final DeployListener listener;
    private final String environment;
    private final RollbackPolicy policy;
    private final List<String> hooksBefore;
    private final List<String> hooksAfter;
    private final Duration hooksTimeout;
    private final List<DeployStep> done = new ArrayList<>();

    private Deployment(DeploySteps steps, EnvironmentConfig environment, DeployOptions options,
            DeployListener listener) {
        this.steps = steps;
        this.options = options;
        this.listener = listener;
        this.environment = environment == null ? null : environment.name();
        this.policy = environment == null ? RollbackPolicy.NONE : environment.rollback();
        this.hooksBefore = environment == null ? List.of() : environment.hooksBefore();
        this.hooksAfter = environment == null ? List.of() : environment.hooksAfter();
        this.hooksTimeout = environment == null ? EnvironmentConfig.DEFAULT_HOOKS_TIMEOUT : environment.hooksTimeout();
    }

    /**
     * Runs a deploy.
     *
     * @param environment the environment deployed to (its hooks and rollback policy), or null for a bare URL: no
     *                    hooks, rollback policy {@code none}
     * @return what happened; every outcome after the confirmation is a report, not an exception
     * @throws SlipwayException before anything is touched: bad options, files or history that contradict each
     *                          other, an unreachable database, a missing or wrong confirmation
     */
    public static DeployReport run(DeploySteps steps, EnvironmentConfig environment, DeployOptions options,
            DeployListener listener) {
        return new Deployment(steps, environment, options, listener).run();
    }

    private DeployReport run() {
        if (!options.backup() && policy == RollbackPolicy.RESTORE) {
            throw SlipwayException.badInput("environment " + environment + " rolls back by restoring the backup a"
                    + " deploy takes first, so it cannot deploy with --no-backup", "--no-backup",
                    "leave --no-backup out, or set rollback = \"downgrade\" or \"none\" for environment "
                            + environment + " in slipway.toml");
        }
        AutoCloseable lock = steps.holdDeployLock();
        try {
            return runLocked();
        } finally {
            release(lock);
        }
    }

    /** Releases the deploy lock; a failure to is harmless, as the lock ends with its session, which closes too. */
    private static void release(AutoCloseable lock) {
        try {
            lock.close();
        } catch (Exception e) {
            // the session is closed with the lock, and an advisory lock does not outlive its session
        }
    }

    private DeployReport runLocked() {
        TargetInfo target = timed("preflight", "checking the migration files, the history and the connection",
                () -> {
                    steps.preflight();
                    return steps.target();
                }, t -> "database " + t.database() + " on " + t.host() + " (PostgreSQL " + t.serverVersion()
                        + "), at version " + versionOrNone(t.current()));
        PlanReport plan = timed("plan", "planning and linting what would run" + (options.traceIn() == null ? ""
                        : ", traced on a scratch database"),
                () -> steps.plan(options.target(), options.traceIn()), this::planSummary,
                p -> !p.migrations().isEmpty() && p.failsAt(options.failOn()));
        // callbacks alone are not a reason for a deploy: they run with the next one that has migrations to apply
        if (plan.migrations().stream().allMatch(m -> CallbackScript.isCallback(m.script()))) {
            return report(DeployReport.Outcome.UP_TO_DATE, target, target.current(), List.of(), null, plan, null,
                    null);
        }
        if (plan.failsAt(options.failOn())) return refused(target, plan);
        refuseADowngradeThatCannotRun();
        confirm(target);
        // a rollback by restore puts back the database as the backup holds it, so whatever the application writes
        // after the backup would be lost: with that policy the before-hooks (maintenance on) run before the backup
        boolean hooksFirst = policy == RollbackPolicy.RESTORE;
        if (hooksFirst) {
            DeployReport stopped = beforeHooks(target, plan, null);
            if (stopped != null) return stopped;
        }
        String backupId = null;
        if (options.backup()) {
            try {
                BackupResult backup = timed("backup", "backing the database up before it changes",
                        () -> steps.backup(backupEvents()), r -> r.backup().id() + ", " + r.backup().manifest().size()
                                + " bytes, sha256 " + r.backup().manifest().sha256());
                backupId = backup.backup().id();
            } catch (SlipwayException e) {
                return stoppedBeforeMigrating(target, plan, null, "backup", e, hooksFirst);
            }
        } else {
            skip("backup", "--no-backup: no backup taken");
        }
        VerifyReport before;
        try {
            // the checks as they stand now: one already failing before the deploy is not the deploy's failure
            before = timed("snapshot", "counting rows and running the checks before the deploy", () -> {
                steps.snapshotRowCounts();
                List<String> checks = checksBefore();
                return checks.isEmpty() ? VerifyReport.of(List.of())
                        : steps.verify(options.verify().withOnly(checks));
            }, r -> "row counts saved; " + alreadyFailing(r) + " check(s) already failing");
        } catch (SlipwayException e) {
            return stoppedBeforeMigrating(target, plan, backupId, "snapshot", e, hooksFirst);
        }
        if (!hooksFirst) {
            DeployReport stopped = beforeHooks(target, plan, backupId);
            if (stopped != null) return stopped;
        }
        return migrateBetweenHooks(new Prepared(target, plan, backupId, before));
    }

    /**
     * Runs the before-hooks; when one fails, runs the after-hooks and reports the deploy failed.
     *
     * @return the report of a failed before-hook, or null when they all ran
     */
    private DeployReport beforeHooks(TargetInfo target, PlanReport plan, String backupId) {
        List<String> beforeFailures = hooks("hooks.before", hooksBefore, target, "before", null, true);
        if (beforeFailures.isEmpty()) return null;
        hooks("hooks.after", hooksAfter, target, "after", "failed", false);
        return report(DeployReport.Outcome.FAILED, target, target.current(), List.of(), backupId, plan, null,
                "a before-hook failed: " + String.join("; ", beforeFailures) + "\n  database: not touched by"
                        + " migrations, at version " + versionOrNone(target.current())
                        + (hooksAfter.isEmpty() ? "" : "; the after-hooks ran") + "\n  next: fix the hook,"
                        + " then run `slipway deploy` again");
    }

    /** What the deploy knows once nothing refused it and it is ready to change the database. */
    private record Prepared(TargetInfo target, PlanReport plan, String backupId, VerifyReport before) {
    }

    /**
     * The steps that change the database, once the before-hooks have run: migrate, verify, after-hooks, and the
     * policy on a failure.
     */
    private DeployReport migrateBetweenHooks(Prepared ready) {
        TargetInfo target = ready.target();
        PlanReport plan = ready.plan();
        String backupId = ready.backupId();
        MigrateResult migrated;
        try {
            migrated = timed("migrate", "applying " + plan.migrations().size() + " migration(s)",
                    () -> steps.migrate(options.target()), r -> "version " + versionOrNone(r.from()) + " -> "
                            + versionOrNone(r.to()) + ", " + r.applied().size() + " applied");
        } catch (SlipwayException e) {
            return afterFailure(target, plan, backupId, List.of(), null, "migrate", e.getMessage(), false);
        }
        VerifyReport after;
        try {
            after = timed("verify", "checking the database after migrating", () -> steps.verify(options.verify()),
                    r -> r.passed() + " passed, " + r.failed() + " failed (" + newFailures(ready.before(), r).size()
                            + " of them new since before the deploy), " + r.skipped() + " skipped",
                    r -> !newFailures(ready.before(), r).isEmpty());
        } catch (SlipwayException e) {
            return afterFailure(target, plan, backupId, migrated.applied(), null, "verify", e.getMessage(), false);
        }
        List<CheckResult> newFailures = newFailures(ready.before(), after);
        if (!newFailures.isEmpty()) {
            String names = String.join("; ", newFailures.stream().map(r -> r.name() + ": " + r.summary()).toList());
            return afterFailure(target, plan, backupId, migrated.applied(), after, "verify",
                    "checks failed after migrating: " + names, true);
        }
        List<String> afterFailures = hooks("hooks.after", hooksAfter, target, "after", "deployed", false);
        if (!afterFailures.isEmpty()) {
            return report(DeployReport.Outcome.FAILED, target, migrated.to(), migrated.applied(), backupId, plan,
                    after, "deployed and verified, but an after-hook failed: " + String.join("; ", afterFailures)
                            + "\n  database: at version " + versionOrNone(migrated.to()) + " (the deploy stands)"
                            + "\n  next: run the failed hook by hand");
        }
        return report(DeployReport.Outcome.DEPLOYED, target, migrated.to(), migrated.applied(), backupId, plan,
                after, null);
    }

    /**
     * A rollback by down migrations is a promise the files must keep: a pending migration without one could not be
     * undone, which is said before anything is touched rather than after a failure.
     */
    private void refuseADowngradeThatCannotRun() {
        if (policy != RollbackPolicy.DOWNGRADE) return;
        List<String> missing = steps.pendingWithoutDown(options.target());
        if (missing.isEmpty()) return;
        throw SlipwayException.badInput("environment " + environment + " rolls back with down migrations, but "
                + String.join(", ", missing) + (missing.size() == 1 ? " has" : " have") + " none: a failure after it"
                + " could not be undone", missing.get(0), "add the down migration (`slipway new` writes the pair),"
                + " or set rollback = \"restore\" for environment " + environment + " in slipway.toml");
    }

    /** Asks for the database name on a protected environment; a wrong or missing one is thrown, nothing touched. */
    private void confirm(TargetInfo target) {
        if (!target.protectedEnvironment()) {
            skip("confirm", "not a protected environment");
            return;
        }
        timed("confirm", "the database name, for protected environment " + target.environment(), () -> {
            target.checkConfirmation(options.confirmation().apply(target));
            return target.database();
        }, database -> database + " named");
    }

    /** {@return the plan step's line: how much would run, and the findings by rule and place} */
    private String planSummary(PlanReport plan) {
        List<String> named = plan.findings().stream().filter(f -> !f.allowed())
                .map(f -> f.rule() + " at " + f.where()).toList();
        String findings = named.isEmpty() ? "no findings" : named.size() + " finding(s): "
                + String.join("; ", named.subList(0, Math.min(NAMED_FINDINGS, named.size())))
                + (named.size() > NAMED_FINDINGS ? "; and " + (named.size() - NAMED_FINDINGS) + " more" : "");
        return plan.migrations().size() + " migration(s) to apply, " + findings
                + (plan.failsAt(options.failOn()) ? "; the gate stops at " + options.failOn().id() : "");
    }

    private DeployReport refused(TargetInfo target, PlanReport plan) {
        List<String> reasons = new ArrayList<>();
        for (Finding finding : plan.findings()) {
            if (!finding.allowed() && finding.severity().atLeast(options.failOn())) {
                reasons.add(finding.rule() + " at " + finding.where());
            }
        }
        plan.migrations().forEach(m -> m.statements().forEach(s -> s.predictions().stream()
                .filter(p -> p.outcome() == PlanReport.Outcome.WILL_FAIL)
                .forEach(p -> reasons.add("will fail at " + s.script() + ":" + s.line() + ": "
                        + p.check()))));
        String named = String.join("; ", reasons.subList(0, Math.min(NAMED_FINDINGS, reasons.size())))
                + (reasons.size() > NAMED_FINDINGS ? "; and " + (reasons.size() - NAMED_FINDINGS) + " more" : "");
        return report(DeployReport.Outcome.REFUSED, target, target.current(), List.of(), null, plan, null,
                "the plan stops the deploy: " + named + "\n  database: not touched, at version "
                        + versionOrNone(target.current()) + "\n  next: run `slipway plan` to see each finding and"
                        + " its fix; change the migration, or accept a finding with `-- slipway:allow <rule>"
                        + " because <reason>` above its statement");
    }

    /**
     * A step before migrating failed: nothing was changed. When the before-hooks ran already, the after-hooks run
     * now, so the application does not stay in maintenance.
     */
    private DeployReport stoppedBeforeMigrating(TargetInfo target, PlanReport plan, String backupId, String step,
            SlipwayException failure, boolean beforeHooksRan) {
        List<String> hookFailures = beforeHooksRan ? hooks("hooks.after", hooksAfter, target, "after", "failed",
                false) : List.of();
        return report(DeployReport.Outcome.FAILED, target, target.current(), List.of(), backupId, plan, null,
                "the deploy stopped at the " + step + ", before migrating: " + failure.getMessage()
                        + (hookFailures.isEmpty() ? "" : "\n  an after-hook failed too: "
                        + String.join("; ", hookFailures)));
    }

    /**
     * A step failed after the database may have changed: the rollback policy answers it, then the after-hooks run.
     *
     * @param checksFailed whether the migrations applied and checks failed after them (rather than an error)
     */
    private DeployReport afterFailure(TargetInfo target, PlanReport plan, String backupId,
            List<AppliedMigration> applied, VerifyReport verification, String step, String message,
            boolean checksFailed) {
        DeployReport report = switch (policy) {
            case NONE -> {
                Version now = currentVersion();
                String story = checksFailed
                        ? step + " failed: " + message + "\n  database: at version " + versionOrNone(now)
                                + ", migrated; rollback policy none: nothing was rolled back"
                                + nextAfterChecks(backupId, target)
                        : step + " failed: " + message + "\n  rollback policy none: nothing was rolled back";
                yield report(checksFailed ? DeployReport.Outcome.VERIFY_FAILED : DeployReport.Outcome.FAILED,
                        target, now, applied, backupId, plan, verification, story);
            }
            case DOWNGRADE -> rollBackByDowngrade(target, plan, backupId, applied, verification, step, message);
            case RESTORE -> rollBackByRestore(target, plan, backupId, applied, verification, step, message);
        };
        String outcome = report.outcome() == DeployReport.Outcome.ROLLED_BACK ? "rolled-back" : "failed";
        List<String> hookFailures = hooks("hooks.after", hooksAfter, target, "after", outcome, false);
        String failure = report.failure() + (hookFailures.isEmpty() ? ""
                : "\n  an after-hook failed too: " + String.join("; ", hookFailures));
        return new DeployReport(report.outcome(), target, report.to(), applied, backupId, done, plan, verification,
                failure);
    }

    private DeployReport rollBackByDowngrade(TargetInfo target, PlanReport plan, String backupId,
            List<AppliedMigration> applied, VerifyReport verification, String step, String message) {
        Version back = target.current();
        DowngradeTarget to = back == null ? new DowngradeTarget.Base() : new DowngradeTarget.To(back);
        try {
            DowngradeResult reverted = timed("rollback", "downgrading to version " + versionOrNone(back),
                    () -> steps.downgrade(to), r -> "downgraded " + versionOrNone(r.from()) + " -> "
                            + versionOrNone(r.to()) + ", " + r.reverted().size() + " reverted");
            return report(DeployReport.Outcome.ROLLED_BACK, target, reverted.to(), applied, backupId, plan,
                    verification, step + " failed: " + whatFailed(message) + "\n  database: rolled back by down"
                            + " migrations to version " + versionOrNone(reverted.to()) + "\n  next: fix the"
                            + " migration, then run `slipway deploy` again");
        } catch (SlipwayException e) {
            return report(DeployReport.Outcome.ROLLBACK_FAILED, target, currentVersion(), applied, backupId, plan,
                    verification, step + " failed: " + whatFailed(message) + "\n  the rollback by down"
                            + " migrations failed too: " + e.getMessage()
                            + (backupId == null ? "" : "\n  backup " + backupId + " holds the database as it was"
                            + " before the deploy: `slipway restore " + backupId + "`"));
        }
    }

    private DeployReport rollBackByRestore(TargetInfo target, PlanReport plan, String backupId,
            List<AppliedMigration> applied, VerifyReport verification, String step, String message) {
        try {
            RestoreResult restored = timed("rollback", "restoring backup " + backupId,
                    () -> steps.restore(RestoreRequest.of(backupId, target.database()).withReason("the rollback of a"
                            + " deploy whose " + step + " failed: " + firstLine(message)), backupEvents()),
                    r -> "restored " + r.backupId() + ", version " + (r.revisionAfter() == null ? "none"
                            : r.revisionAfter()));
            Version now = restored.revisionAfter() == null ? null : Version.parse(restored.revisionAfter());
            return report(DeployReport.Outcome.ROLLED_BACK, target, now, applied, backupId, plan, verification,
                    step + " failed: " + whatFailed(message) + "\n  database: restored from backup " + backupId
                            + ", at version " + versionOrNone(now) + " as before the deploy\n  next: fix the"
                            + " migration, then run `slipway deploy` again");
        } catch (SlipwayException e) {
            return report(DeployReport.Outcome.ROLLBACK_FAILED, target, currentVersion(), applied, backupId, plan,
                    verification, step + " failed: " + whatFailed(message) + "\n  the rollback by restoring backup "
                            + backupId + " failed too: " + e.getMessage());
        }
    }

    private static String nextAfterChecks(String backupId, TargetInfo target) {
        return "\n  next: fix what the checks name, or put the database back with `slipway downgrade --to "
                + versionOrNone(target.current()) + "`" + (backupId == null ? ""
                : " or `slipway restore " + backupId + "`");
    }

    /**
     * {@return the checks to run before migrating: the deploy's, but the revision (pending migrations fail it) and
     * the row counts (the snapshot was just taken: counting again would find nothing and scan every table twice)}
     */
    private List<String> checksBefore() {
        List<String> asked = new ArrayList<>(options.verify().only());
        if (asked.isEmpty()) {
            asked.addAll(Verifier.BUILT_IN);
            options.verify().extra().forEach(check -> asked.add(check.name()));
        }
        List<String> chosen = new ArrayList<>();
        for (String name : asked) {
            for (String check : Verifier.GROUPS.getOrDefault(name, List.of(name))) {
                if (!check.equals(REVISION_CHECK) && !check.equals(ROW_COUNT_CHECK) && !chosen.contains(check)) {
                    chosen.add(check);
                }
            }
        }
        return chosen;
    }

    /** {@return how many checks fail before migrating, leaving out the revision, which pending migrations fail} */
    private static long alreadyFailing(VerifyReport before) {
        return before.results().stream()
                .filter(r -> r.status() == CheckStatus.FAILED && !r.check().equals(REVISION_CHECK)).count();
    }

    /** {@return the checks that fail now and did not fail the same way before the deploy} */
    static List<CheckResult> newFailures(VerifyReport before, VerifyReport after) {
        List<CheckResult> failedBefore = before.results().stream()
                .filter(r -> r.status() == CheckStatus.FAILED).toList();
        return after.results().stream().filter(r -> r.status() == CheckStatus.FAILED)
                .filter(r -> !failedBefore.contains(r)).toList();
    }

    /** {@return the hook failures; runs nothing and records nothing when there are no hooks} */
    private List<String> hooks(String step, List<String> commands, TargetInfo target, String phase, String outcome,
            boolean stopAtFailure) {
        if (commands.isEmpty()) return List.of();
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("SLIPWAY_ENVIRONMENT", environment == null ? "" : environment);
        variables.put("SLIPWAY_DATABASE", target.database());
        variables.put("SLIPWAY_HOST", target.host());
        variables.put("SLIPWAY_PHASE", phase);
        if (outcome != null) variables.put("SLIPWAY_OUTCOME", outcome);
        listener.on(new DeployEvent.Started(step, "running " + commands.size() + " hook(s)"));
        long started = System.nanoTime();
        List<String> failures = Hooks.run(commands, variables, hooksTimeout, stopAtFailure, listener);
        finish(new DeployStep(step, failures.isEmpty() ? DeployStep.Status.DONE : DeployStep.Status.FAILED,
                failures.isEmpty() ? commands.size() + " hook(s) ran" : String.join("; ", failures),
                Duration.ofNanos(System.nanoTime() - started)));
        return failures;
    }

    /** Runs a step, recording it done or failed; its failure is thrown on. */
    private <T> T timed(String step, String what, Supplier<T> action, Function<T, String> summary) {
        return timed(step, what, action, summary, result -> false);
    }

    /**
     * Runs a step, recording it failed when it throws (the failure is thrown on) or when what it found fails the
     * deploy, else done.
     */
    private <T> T timed(String step, String what, Supplier<T> action, Function<T, String> summary,
            Predicate<T> failsTheDeploy) {
        listener.on(new DeployEvent.Started(step, what));
        long started = System.nanoTime();
        try {
            T result = action.get();
            finish(new DeployStep(step, failsTheDeploy.test(result) ? DeployStep.Status.FAILED
                    : DeployStep.Status.DONE, summary.apply(result), Duration.ofNanos(System.nanoTime() - started)));
            return result;
        } catch (SlipwayException e) {
            finish(new DeployStep(step, DeployStep.Status.FAILED, firstLine(e.getMessage()),
                    Duration.ofNanos(System.nanoTime() - started)));
            throw e;
        }
    }

    private void finish(DeployStep step) {
        done.add(step);
        listener.on(new DeployEvent.Finished(step));
    }

    private void skip(String step, String why) {
        finish(DeployStep.skipped(step, why));
    }

    private BackupListener backupEvents() {
        return event -> listener.on(new DeployEvent.Backup(event));
    }

    /** {@return the version the database is at now, or null when it cannot be read (the report says unknown)} */
    private Version currentVersion() {
        try {
            return steps.target().current();
        } catch (SlipwayException e) {
            return null;
        }
    }

    private DeployReport report(DeployReport.Outcome outcome, TargetInfo target, Version to,
            List<AppliedMigration> applied, String backupId, PlanReport plan, VerifyReport verification,
            String failure) {
        return new DeployReport(outcome, target, to, applied, backupId, done, plan, verification, failure);
    }

    /** {@return a step's message without its own database and next lines, which a rollback makes out of date} */
    private static String whatFailed(String message) {
        int state = message.indexOf("\n  database:");
        return state < 0 ? message : message.substring(0, state);
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static String versionOrNone(Version version) {
        return version == null ? "none" : version.toString();
    }
}
