package dev.slipway.apply;

import dev.slipway.history.HistoryEntry;
import dev.slipway.history.MigrationState;
import dev.slipway.migration.MigrationType;
import dev.slipway.migration.Problem;
import dev.slipway.migration.ProblemType;
import dev.slipway.migration.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The migrations on disk set against the history: what is applied, pending, partial, changed or missing, and what a
 * run up to a target would do. Pure: reads nothing, changes nothing.
 */
final class Reconciliation {
    private final Catalog catalog;
    private final Map<String, HistoryEntry> entries = new HashMap<>();
    private final Version newestApplied;
    private final Version baseline;
    private final Candidate chosenBaseline;
    private final Map<String, Candidate> versionedByKey = new HashMap<>();
    private final Map<String, Candidate> baselinesByKey = new HashMap<>();

    Reconciliation(Catalog catalog, List<HistoryEntry> history, Version target) {
        this.catalog = catalog;
        history.forEach(entry -> entries.put(entry.key(), entry));
        catalog.versioned().forEach(c -> versionedByKey.put(c.up().key(), c));
        catalog.baselines().forEach(c -> baselinesByKey.put(c.up().key(), c));
        this.newestApplied = history.stream()
                .filter(e -> e.version() != null && e.state() != MigrationState.PARTIAL)
                .map(HistoryEntry::version)
                .max(Comparator.naturalOrder())
                .orElse(null);
        Version recordedBaseline = history.stream()
                .filter(e -> e.type() == MigrationType.BASELINE)
                .map(HistoryEntry::version)
                .max(Comparator.naturalOrder())
                .orElse(null);
        if (history.isEmpty()) {
            this.chosenBaseline = catalog.baselines().stream()
                    .filter(b -> target == null || b.up().version().compareTo(target) <= 0)
                    .max(Comparator.comparing(b -> b.up().version()))
                    .orElse(null);
            this.baseline = chosenBaseline == null ? null : chosenBaseline.up().version();
        } else {
            this.chosenBaseline = null;
            this.baseline = recordedBaseline;
        }
    }

    /** {@return the newest applied version, or null on a fresh database} */
    Version current() {
        return newestApplied;
    }

    /** {@return the baseline migration to apply first on an empty database, if any} */
    Optional<Candidate> baselineToApply() {
        return Optional.ofNullable(chosenBaseline);
    }

    /** {@return the history row of a key, if any} */
    Optional<HistoryEntry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** {@return versioned migrations to apply up to {@code target} (null: all), in order, including partial ones} */
    List<Candidate> pending(Version target) {
        List<Candidate> pending = new ArrayList<>();
        for (Candidate candidate : catalog.versioned()) {
            Version version = candidate.up().version();
            if (target != null && version.compareTo(target) > 0) break;
            if (baseline != null && version.compareTo(baseline) <= 0) continue;
            HistoryEntry entry = entries.get(candidate.up().key());
            if (entry == null || entry.state() == MigrationState.PARTIAL) pending.add(candidate);
        }
        return pending;
    }

    /** {@return repeatable migrations that are new or changed since they were applied, by description} */
    List<Candidate> outdatedRepeatables() {
        return catalog.repeatables().stream()
                .filter(r -> {
                    HistoryEntry entry = entries.get(r.up().key());
                    return entry == null || entry.state() != MigrationState.APPLIED
                            || !Objects.equals(entry.checksum(), r.up().checksum());
                })
                .toList();
    }

    /**
     * {@return problems that stop a run: changed applied files, missing files, partial runs whose file changed, and
     * pending versions older than the newest applied one unless out-of-order is allowed}
     */
    List<Problem> problems(boolean outOfOrder, Version target) {
        List<Problem> problems = new ArrayList<>();
        for (HistoryEntry entry : entries.values().stream()
                .sorted(Comparator.comparing(HistoryEntry::key)).toList()) {
            if (entry.type() == MigrationType.REPEATABLE || fileOf(entry) != null) continue;
            if (entry.type() == MigrationType.BASELINE || !entry.wasRun()) continue;
            if (coveringBaseline(entry.version()).isPresent()) continue;
            problems.add(new Problem(ProblemType.MISSING_FILE, "version " + entry.version() + " ("
                    + entry.script() + ") is applied but its file is gone", List.of(entry.script()),
                    "restore " + entry.script() + " from version control; migrations that ran stay in the folder"
                            + " (or, to squash old migrations, add a baseline file B<version> at or above "
                            + entry.version() + " that creates their schema)"));
        }
        changed().forEach(changed -> problems.add(changedProblem(changed)));
        if (!outOfOrder && newestApplied != null) {
            for (Candidate candidate : pending(target)) {
                Version version = candidate.up().version();
                HistoryEntry entry = entries.get(candidate.up().key());
                if (entry == null && version.compareTo(newestApplied) < 0) {
                    problems.add(new Problem(ProblemType.OUT_OF_ORDER, candidate.up().script()
                            + " is pending but older than the newest applied version " + newestApplied
                            + " (a merged branch?)", List.of(candidate.up().script()),
                            "give it a version above " + newestApplied + ", or run with --out-of-order to apply it"
                                    + " anyway"));
                }
            }
        }
        return problems;
    }

    /**
     * An applied migration whose file no longer has the checksum of what ran.
     *
     * @param file           the migration on disk
     * @param entry          its row in the history
     * @param sameStatements whether its statements are still those that ran (only comments, whitespace or the case of
     *                       words changed); null when that is not known (a row of an older Slipway, a Java migration,
     *                       a file that cannot be read now)
     */
    record Changed(Unit file, HistoryEntry entry, Boolean sameStatements) {
    }

    private static Problem changedProblem(Changed changed) {
        HistoryEntry entry = changed.entry();
        Unit file = changed.file();
        String script = file.script();
        Boolean same = changed.sameStatements();
        String what = script + " changed after it was applied on " + entry.appliedAt() + " (checksum then "
                + entry.checksum() + ", now " + file.checksum() + ")";
        String rewrite = "put back the content that ran (see `git log -p " + script + "`) and write the change as a"
                + " new migration";
        String accept = "accept the file as it is with `slipway repair " + entry.version() + "`";
        if (Boolean.TRUE.equals(same)) {
            return new Problem(ProblemType.CHECKSUM_CHANGED, what + "; only comments, whitespace or the case of words"
                    + " changed: its statements are those that ran", List.of(script), accept);
        }
        if (Boolean.FALSE.equals(same)) {
            return new Problem(ProblemType.CHECKSUM_CHANGED, what + "; its statements are not those that ran",
                    List.of(script), rewrite);
        }
        return new Problem(ProblemType.CHECKSUM_CHANGED, what, List.of(script), rewrite + "; or, if the edit does not"
                + " change what the migration does (comments, formatting), " + accept);
    }

    /**
     * {@return whether the file's statements are those that ran, as the checksum of its statements recorded then
     * says; null when unknown} A file that cannot be read or split now is unknown here; running it says why.
     */
    private static Boolean sameStatements(HistoryEntry entry, Unit file) {
        if (entry.statementsChecksum() == null) return null;
        try {
            Integer now = Step.statementsChecksum(file.steps().apply(ScriptCheck.NEWEST_MAJOR).steps());
            return now == null ? null : now.equals(entry.statementsChecksum());
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** {@return the applied versioned and baseline migrations whose file changed after it ran, by version} */
    List<Changed> changed() {
        List<Changed> changed = new ArrayList<>();
        for (HistoryEntry entry : entries.values()) {
            if (entry.type() == MigrationType.REPEATABLE) continue;
            Candidate candidate = fileOf(entry);
            if (candidate != null && changedSinceItRan(entry, candidate.up())) {
                changed.add(new Changed(candidate.up(), entry, sameStatements(entry, candidate.up())));
            }
        }
        changed.sort(Comparator.comparing(c -> c.entry().version()));
        return changed;
    }

    /** {@return the file a versioned or baseline row belongs to, or null when it is gone} */
    private Candidate fileOf(HistoryEntry entry) {
        // B2 and V2 share the key V:2; a baseline row belongs to the baseline file only
        return (entry.type() == MigrationType.BASELINE ? baselinesByKey : versionedByKey).get(entry.key());
    }

    /**
     * {@return a baseline file at or above {@code version}, which holds the schema of every version up to its own: an
     * applied version it covers may have had its file removed (old migrations squashed into a baseline)}
     */
    private Optional<Candidate> coveringBaseline(Version version) {
        return version == null ? Optional.empty() : catalog.baselines().stream()
                .filter(b -> b.up().version().compareTo(version) >= 0)
                .min(Comparator.comparing(b -> b.up().version()));
    }

    /**
     * {@return whether a migration that ran (not one stamped or baselined) has a file whose checksum is no longer
     * that of what ran} A partly applied file may be fixed after the steps that ran: the runner compares those steps
     * instead.
     */
    private static boolean changedSinceItRan(HistoryEntry entry, Unit file) {
        return entry.checksum() != null && file.checksum() != null && !entry.checksum().equals(file.checksum())
                && entry.wasRun() && entry.state() != MigrationState.PARTIAL;
    }

    /** {@return every migration on disk or in the history, with how it stands; failures keyed by history key} */
    List<StatusEntry> status(Map<String, String> lastFailures) {
        List<StatusEntry> status = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        List<Candidate> all = new ArrayList<>(catalog.baselines());
        all.addAll(catalog.versioned());
        all.sort(Comparator.comparing(c -> c.up().version()));
        for (Candidate candidate : all) {
            Unit up = candidate.up();
            HistoryEntry entry = entries.get(up.key());
            // B2 and V2 share the key V:2: the row belongs to the one of its type (a baseline row to the B file)
            if (entry != null && (entry.type() == MigrationType.BASELINE) != (up.type() == MigrationType.BASELINE)) {
                entry = null;
            }
            if (up.type() == MigrationType.BASELINE && entry == null) continue;
            if (entry != null) seen.put(up.key(), true);
            PendingState state;
            String detail = null;
            if (entry == null) {
                if (baseline != null && up.version().compareTo(baseline) <= 0) {
                    state = PendingState.BELOW_BASELINE;
                } else if (newestApplied != null && up.version().compareTo(newestApplied) < 0) {
                    state = PendingState.OUT_OF_ORDER;
                } else if (lastFailures.containsKey(up.key())) {
                    state = PendingState.FAILED;
                    detail = lastFailures.get(up.key());
                } else {
                    state = PendingState.PENDING;
                }
            } else if (entry.state() == MigrationState.PARTIAL) {
                state = PendingState.PARTIAL;
                detail = entry.stepsDone() + " step(s) done" + (entry.batchLastKey() == null ? ""
                        : ", batches committed up to key " + entry.batchLastKey()) + "; the next run resumes"
                        + (lastFailures.containsKey(up.key()) ? "; last error: " + lastFailures.get(up.key())
                                : "");
            } else if (entry.state() == MigrationState.REVERTING) {
                state = PendingState.REVERTING;
                detail = entry.stepsDone() + " step(s) of its down migration done";
            } else if (changedSinceItRan(entry, up)) {
                state = PendingState.CHANGED;
                Boolean same = sameStatements(entry, up);
                detail = same == null ? null : same ? "only comments, whitespace or case changed; `slipway repair "
                        + up.version() + "` accepts it" : "its statements changed";
            } else {
                state = PendingState.APPLIED;
                if (!entry.wasRun()) detail = entry.how();
            }
            status.add(new StatusEntry(up.version(), up.type(), up.description(), up.script(), state,
                    entry == null ? null : entry.appliedAt(), detail));
        }
        for (HistoryEntry entry : entries.values()) {
            if (entry.type() == MigrationType.REPEATABLE || seen.containsKey(entry.key())) continue;
            Optional<Candidate> squashedInto = entry.type() == MigrationType.BASELINE ? Optional.empty()
                    : coveringBaseline(entry.version());
            PendingState state = entry.type() == MigrationType.BASELINE || !entry.wasRun() || squashedInto.isPresent()
                    ? PendingState.APPLIED : PendingState.MISSING;
            String detail = squashedInto.map(b -> "file removed; " + b.up().script() + " stands for it")
                    .orElse(entry.wasRun() ? null : entry.how());
            status.add(new StatusEntry(entry.version(), entry.type(), entry.description(), entry.script(), state,
                    entry.appliedAt(), detail));
        }
        status.sort(Comparator.comparing(StatusEntry::version, Comparator.nullsLast(Comparator.naturalOrder())));
        for (Candidate repeatable : catalog.repeatables()) {
            HistoryEntry entry = entries.get(repeatable.up().key());
            PendingState state = entry == null ? PendingState.PENDING
                    : Objects.equals(entry.checksum(), repeatable.up().checksum()) ? PendingState.APPLIED
                    : PendingState.OUTDATED;
            status.add(new StatusEntry(null, MigrationType.REPEATABLE, repeatable.up().description(),
                    repeatable.up().script(), state, entry == null ? null : entry.appliedAt(), null));
        }
        return status;
    }

    /**
     * What is on disk.
     *
     * @param versioned   versioned migrations in ascending order, each with its down migration if any
     * @param baselines   baseline migrations
     * @param repeatables repeatable migrations in the order they run
     * @param beforeMigrate the callback scripts {@code migrate} runs before anything else
     * @param afterMigrate  the callback scripts {@code migrate} runs after everything else
     */
    record Catalog(List<Candidate> versioned, List<Candidate> baselines, List<Candidate> repeatables,
            List<Unit> beforeMigrate, List<Unit> afterMigrate) {
    }
}
