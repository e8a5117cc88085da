package dev.slipway.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The migrations of a project as one ordered set: versions ascending (each with its down migration, SQL or Java),
 * repeatable migrations ordered by description, and baselines.
 * <p>A set is built even when it has mistakes, so that every mistake can be reported at once; {@link #validate()}
 * lists them. Where two migrations claim one version, {@link #versioned(Version)} answers with the first found.
 * Checks against a database's history belong to the history, not here. Immutable and thread-safe.
 */
public final class MigrationSet {
    private final List<VersionedMigration> versioned;
    private final Map<Version, VersionedMigration> byVersion;
    private final List<ResolvedMigration> repeatables;
    private final List<ResolvedMigration> baselines;
    private final List<SkippedFile> skipped;
    private final List<Problem> problems;
    private final List<CallbackScript> callbacks;

    private MigrationSet(List<VersionedMigration> versioned, List<ResolvedMigration> repeatables,
                         List<ResolvedMigration> baselines, List<SkippedFile> skipped, List<Problem> problems,
                         List<CallbackScript> callbacks) {
        this.versioned = List.copyOf(versioned);
        this.byVersion = versioned.stream().collect(Collectors.toUnmodifiableMap(VersionedMigration::version,
                migration -> migration));
        this.repeatables = List.copyOf(repeatables);
        this.baselines = List.copyOf(baselines);
        this.skipped = List.copyOf(skipped);
        this.problems = List.copyOf(problems);
        this.callbacks = List.copyOf(callbacks);
    }

    /**
     * {@return the set of the migrations a scan found}
     *
     * @param scan what the scan found
     */
    public static MigrationSet of(ScanResult scan) {
        Objects.requireNonNull(scan, "scan");
        TreeMap<Version, List<ResolvedMigration>> ups = new TreeMap<>();
        TreeMap<Version, List<ResolvedMigration>> downs = new TreeMap<>();
        TreeMap<String, List<ResolvedMigration>> repeatables = new TreeMap<>();
        TreeMap<Version, List<ResolvedMigration>> baselines = new TreeMap<>();
        List<ResolvedMigration> all = new ArrayList<>(scan.scripts());
        all.addAll(scan.javaMigrations());
        for (ResolvedMigration migration : all) {
            MigrationName name = migration.name();
            switch (name.type()) {
                case VERSIONED -> {
                    ups.computeIfAbsent(name.version(), v -> new ArrayList<>()).add(migration);
                    if (migration instanceof JavaMigrationClass java && java.hasDown()) {
                        downs.computeIfAbsent(name.version(), v -> new ArrayList<>()).add(migration);
                    }
                }
                case UNDO -> downs.computeIfAbsent(name.version(), v -> new ArrayList<>()).add(migration);
                case REPEATABLE -> repeatables.computeIfAbsent(name.description(), d -> new ArrayList<>())
                        .add(migration);
                case BASELINE -> baselines.computeIfAbsent(name.version(), v -> new ArrayList<>()).add(migration);
                default -> throw new AssertionError(name.type());
            }
        }
        List<VersionedMigration> versioned = new ArrayList<>();
        ups.forEach((version, migrations) -> versioned.add(new VersionedMigration(version, migrations.get(0),
                Optional.ofNullable(downs.get(version)).map(list -> list.get(0)))));
        List<Problem> problems = new SetValidation(ups, downs, repeatables, baselines).problems(all, scan.skipped());
        return new MigrationSet(versioned, firsts(repeatables), firsts(baselines), scan.skipped(), problems,
                scan.callbacks());
    }

    /** {@return the callback scripts of {@code event}, in the order they run} */
    public List<CallbackScript> callbacks(CallbackScript.Event event) {
        return callbacks.stream().filter(callback -> callback.event() == event).toList();
    }

    /**
     * {@return the version's migration, if the set has that version}
     *
     * @param version the version
     */
    public Optional<VersionedMigration> versioned(Version version) {
        return Optional.ofNullable(byVersion.get(version));
    }

    /** {@return how many migrations the set holds: versioned, down, repeatable and baseline} */
    public int size() {
        int undos = (int) versioned.stream().filter(VersionedMigration::hasUndo).count();
        return versioned.size() + undos + repeatables.size() + baselines.size();
    }

    /** {@return every version, lowest first} */
    public List<VersionedMigration> versionedAscending() {
        return versioned;
    }

    /** {@return the newest version, if there is any} */
    public Optional<Version> latestVersion() {
        return versioned.isEmpty() ? Optional.empty() : Optional.of(versioned.get(versioned.size() - 1).version());
    }

    /** {@return the repeatable migrations, ordered by description (the order they are applied in)} */
    public List<ResolvedMigration> repeatables() {
        return repeatables;
    }

    /** {@return the baseline migrations, lowest version first} */
    public List<ResolvedMigration> baselines() {
        return baselines;
    }

    /** {@return the files of the locations that are not migrations} */
    public List<SkippedFile> skipped() {
        return skipped;
    }

    /** {@return the set's mistakes, each naming its files and the fix; empty when there are none} */
    public List<Problem> validate() {
        return problems;
    }

    private static <K> List<ResolvedMigration> firsts(Map<K, List<ResolvedMigration>> groups) {
        return groups.values().stream().map(list -> list.get(0)).toList();
    }

    /** Finds the problems of a set from its grouped migrations. */
    private record SetValidation(TreeMap<Version, List<ResolvedMigration>> ups,
                                 TreeMap<Version, List<ResolvedMigration>> downs,
                                 TreeMap<String, List<ResolvedMigration>> repeatables,
                                 TreeMap<Version, List<ResolvedMigration>> baselines) {

        List<Problem> problems(List<ResolvedMigration> all, List<SkippedFile> skipped) {
            List<Problem> problems = new ArrayList<>();
            duplicateVersions(problems);
            equivalentVersions(problems);
            downs(problems);
            repeatableAndBaselineDuplicates(problems);
            for (SkippedFile file : skipped) {
                if (!file.malformed()) continue;
                problems.add(new Problem(ProblemType.MALFORMED_NAME, file.path() + " looks like a migration but "
                        + "will not run: " + file.reason(), List.of(file.path()),
                        "Rename it as the message says, or move it out of the migration locations."));
            }
            for (ResolvedMigration migration : all) {
                if (!(migration instanceof JavaMigrationClass java)) continue;
                JavaMigrationClass.whyNotInstantiable(java.type()).ifPresent(why -> problems.add(new Problem(
                        ProblemType.JAVA_NOT_INSTANTIABLE, java.location() + " cannot be created when it runs: " + why,
                        List.of(java.location()), "Give " + java.type().getSimpleName()
                        + " a no-argument constructor and make it a top-level or static nested class.")));
            }
            return problems;
        }

        private void duplicateVersions(List<Problem> problems) {
            Version newest = ups.isEmpty() ? null : ups.lastKey();
            ups.forEach((version, migrations) -> {
                if (migrations.size() < 2) return;
                List<String> files = locations(migrations);
                problems.add(new Problem(ProblemType.DUPLICATE_VERSION, "version " + version + " is used by "
                        + migrations.size() + " migrations: " + String.join(", ", files), files,
                        "Renumber one of them (the newest version is " + newest + ", so " + newest.nextMajor()
                                + " is free); keep the number of the one already applied to a database, if any."));
            });
        }

        private void equivalentVersions(List<Problem> problems) {
            Map<Version, List<Version>> byTrimmed = new LinkedHashMap<>();
            for (Version version : ups.keySet()) {
                byTrimmed.computeIfAbsent(version.withoutTrailingZeros(), v -> new ArrayList<>()).add(version);
            }
            byTrimmed.forEach((trimmed, versions) -> {
                if (versions.size() < 2) return;
                List<String> files = versions.stream().flatMap(v -> locations(ups.get(v)).stream()).toList();
                String spelled = versions.stream().map(Version::toString).collect(Collectors.joining(" and "));
                problems.add(new Problem(ProblemType.EQUIVALENT_VERSIONS, "versions " + spelled + " differ only by "
                        + "trailing zeros, which Flyway and most readers take as one version: "
                        + String.join(", ", files), files, "Renumber one of them so the versions differ clearly."));
            });
        }

        private void downs(List<Problem> problems) {
            downs.forEach((version, migrations) -> {
                if (!ups.containsKey(version)) {
                    for (ResolvedMigration down : migrations) {
                        problems.add(new Problem(ProblemType.ORPHAN_UNDO, down.location() + " is the down migration "
                                + "of version " + version + ", but no migration has version " + version,
                                List.of(down.location()), "Add the up migration (" + upNameFor(down.name())
                                + ") or delete " + down.location() + "."));
                    }
                } else if (migrations.size() > 1) {
                    List<String> files = locations(migrations);
                    problems.add(new Problem(ProblemType.DUPLICATE_UNDO, "version " + version + " has "
                            + migrations.size() + " down migrations: " + String.join(", ", files), files,
                            "Keep one: delete the other files, or remove down() from the Java migration."));
                }
            });
        }

        private void repeatableAndBaselineDuplicates(List<Problem> problems) {
            repeatables.forEach((description, migrations) -> {
                if (migrations.size() < 2) return;
                List<String> files = locations(migrations);
                problems.add(new Problem(ProblemType.DUPLICATE_REPEATABLE, migrations.size() + " repeatable "
                        + "migrations have the description '" + description + "': " + String.join(", ", files), files,
                        "Rename one of them; a repeatable migration is known by its description."));
            });
            baselines.forEach((version, migrations) -> {
                if (migrations.size() < 2) return;
                List<String> files = locations(migrations);
                problems.add(new Problem(ProblemType.DUPLICATE_BASELINE, "baseline version " + version + " is used by "
                        + migrations.size() + " baselines: " + String.join(", ", files), files,
                        "Delete all but one of them, or renumber one."));
            });
        }

        private static List<String> locations(List<ResolvedMigration> migrations) {
            return migrations.stream().map(ResolvedMigration::location).toList();
        }

        /** The name the up migration of a down migration would have: {@code U7__x.sql} gives {@code V7__x.sql}. */
        private static String upNameFor(MigrationName down) {
            String name = down.fileName();
            if (name.endsWith(".down.sql")) return name.substring(0, name.length() - ".down.sql".length()) + ".up.sql";
            int dot = name.lastIndexOf('.');
            String simple = name.endsWith(".sql") ? name : name.substring(dot + 1);
            return simple.startsWith("U") ? "V" + simple.substring(1) : "V" + down.version() + "__<description>.sql";
        }
    }

    @Override
    public String toString() {
        return "MigrationSet[" + versioned.size() + " versioned, " + repeatables.size() + " repeatable, "
                + baselines.size() + " baseline, " + problems.size() + " problems]";
    }
}
