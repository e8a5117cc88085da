package dev.slipway.sandbox;

import dev.slipway.SlipwayException;
import dev.slipway.apply.ApplyListener;
import dev.slipway.apply.ApplyOptions;
import dev.slipway.apply.DowngradeTarget;
import dev.slipway.apply.Migrator;
import dev.slipway.db.DatabaseUnavailableException;
import dev.slipway.db.PgIdentifiers;
import dev.slipway.migration.MigrationSet;
import dev.slipway.migration.MigrationType;
import dev.slipway.migration.ResolvedMigration;
import dev.slipway.migration.ScanResult;
import dev.slipway.migration.Version;
import dev.slipway.migration.VersionedMigration;
import dev.slipway.schema.SchemaComparison;
import dev.slipway.schema.SchemaDifference;
import dev.slipway.schema.SchemaFilter;
import dev.slipway.schema.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The round trip of {@code slipway test}: in one scratch database, each versioned migration in turn is applied,
 * reverted with its down migration and applied again by Slipway's own runner, and the schema is read after each step. A
 * down migration passes when it gives back exactly the schema from before its up migration, and the up migration passes
 * when it applies again and builds the same schema as the first time: what a rollback in production relies on.
 * <p>Repeatable migrations are left out: they have no down migrations, and they run after the versioned ones. A project
 * whose oldest versioned files were replaced by a baseline starts from that baseline. The round trip stops at the first
 * migration that fails to apply, since the ones after it build on it.
 * <p>Immutable and thread-safe; each {@link #run} uses a database of its own.
 */
public final class RoundTrip {
    private final ScanResult scan;
    private final ApplyOptions options;

    private RoundTrip(ScanResult scan, ApplyOptions options) {
        this.scan = scan;
        this.options = options;
    }

    /**
     * {@return the round trip of the migrations {@code scan} found, applied with {@code options}}
     *
     * @param scan    the project's migrations
     * @param options how they are applied; the history schema matters, since the runner creates it
     */
    public static RoundTrip of(ScanResult scan, ApplyOptions options) {
        return new RoundTrip(scan, options);
    }

    /**
     * Runs the round trip in a new scratch database of {@code sandbox}, which is dropped afterwards.
     *
     * @throws SlipwayException when the scratch database cannot be made, reached or read; a migration that fails is
     *     a step of the report, not an exception
     */
    public RoundTripReport run(Sandbox sandbox) {
        MigrationSet set = MigrationSet.of(scan.only(name -> name.type() != MigrationType.REPEATABLE));
        ScanResult repeatable = scan.only(name -> name.type() == MigrationType.REPEATABLE);
        List<String> repeatables = Stream.concat(repeatable.scripts().stream(), repeatable.javaMigrations().stream())
                .map(ResolvedMigration::location).toList();
        try (ScratchDatabase scratch = sandbox.newDatabase()) {
            Migrator migrator = Migrator.create(scratch::connect, set, options, ApplyListener.NONE);
            List<VersionedMigration> versions = new ArrayList<>(set.versionedAscending());
            createHistorySchema(scratch);
            Optional<Version> baseline = startingBaseline(set, versions);
            if (baseline.isPresent()) {
                migrator.migrate(baseline.get());
                versions.removeIf(v -> v.version().compareTo(baseline.get()) <= 0);
            }
            List<RoundTripStep> steps = new ArrayList<>();
            SchemaModel before = read(scratch);
            for (int i = 0; i < versions.size(); i++) {
                Step step = new Step(versions.get(i), migrator, scratch);
                steps.add(step.run(before));
                if (step.stopped) {
                    List<String> notRun = versions.subList(i + 1, versions.size()).stream()
                            .map(v -> v.migration().location()).toList();
                    return new RoundTripReport(scratch.toString(), sandbox.serverVersion().toString(), steps, notRun,
                            repeatables);
                }
                before = step.last;
            }
            return new RoundTripReport(scratch.toString(), sandbox.serverVersion().toString(), steps, List.of(),
                    repeatables);
        } catch (DatabaseUnavailableException e) {
            throw SlipwayException.failed("could not connect to the scratch database: " + e.getMessage(),
                    "no database but the scratch one was touched", "check --dev-url, or leave it out to use a local"
                            + " cluster", e);
        }
    }

    /**
     * The baseline a fresh database starts from when the project has no versioned files below it: the runner applies
     * it first, so the round trip begins after it.
     */
    private static Optional<Version> startingBaseline(MigrationSet set, List<VersionedMigration> versions) {
        if (versions.isEmpty()) return Optional.empty();
        Version first = versions.get(0).version();
        return set.baselines().stream().map(b -> b.name().version()).filter(v -> v.compareTo(first) <= 0)
                .max(Comparator.naturalOrder());
    }

    /** One migration's up, down and up again; remembers the schema it ends with, and whether the trip stops. */
    private final class Step {
        private final VersionedMigration migration;
        private final Migrator migrator;
        private final ScratchDatabase scratch;
        private SchemaModel last;
        private boolean stopped;

        Step(VersionedMigration migration, Migrator migrator, ScratchDatabase scratch) {
            this.migration = migration;
            this.migrator = migrator;
            this.scratch = scratch;
        }

        RoundTripStep run(SchemaModel before) {
            long started = System.nanoTime();
            Optional<String> upFailure = apply(() -> migrator.migrate(migration.version()));
            if (upFailure.isPresent()) return stop(RoundTripStep.Outcome.UP_FAILED, List.of(), upFailure.get(),
                    Duration.ZERO);
            Duration upTook = Duration.ofNanos(System.nanoTime() - started);
            SchemaModel afterUp = read(scratch);
            last = afterUp;
            if (!migration.hasUndo()) return step(RoundTripStep.Outcome.NO_DOWN, List.of(), null, upTook);
            Optional<String> downFailure = apply(() -> migrator.downgrade(new DowngradeTarget.Steps(1)));
            if (downFailure.isPresent()) return stop(RoundTripStep.Outcome.DOWN_FAILED, List.of(),
                    downFailure.get(), upTook);
            List<SchemaDifference> leftByDown = SchemaComparison.compare(before, read(scratch));
            Optional<String> againFailure = apply(() -> migrator.migrate(migration.version()));
            if (againFailure.isPresent()) return stop(RoundTripStep.Outcome.UP_AGAIN_FAILED, leftByDown,
                    againFailure.get(), upTook);
            last = read(scratch);
            if (!leftByDown.isEmpty()) return step(RoundTripStep.Outcome.DOWN_DIFFERS, leftByDown, null, upTook);
            List<SchemaDifference> changedByAgain = SchemaComparison.compare(afterUp, last);
            return step(changedByAgain.isEmpty() ? RoundTripStep.Outcome.PASSED
                    : RoundTripStep.Outcome.UP_AGAIN_DIFFERS, changedByAgain, null, upTook);
        }

        private RoundTripStep stop(RoundTripStep.Outcome outcome, List<SchemaDifference> differences,
                String failure, Duration upTook) {
            stopped = true;
            return step(outcome, differences, failure, upTook);
        }

        private RoundTripStep step(RoundTripStep.Outcome outcome, List<SchemaDifference> differences,
                String failure, Duration upTook) {
            return new RoundTripStep(migration.version(), migration.migration().location(),
                    migration.undo().map(ResolvedMigration::location).orElse(null), outcome, differences, failure,
                    upTook);
        }
    }

    /** {@return the runner's message when {@code change} fails, without its advice about the target database} */
    private static Optional<String> apply(Runnable change) {
        try {
            change.run();
            return Optional.empty();
        } catch (SlipwayException e) {
            return Optional.of(ScratchDatabase.whatFailed(e));
        }
    }

    /**
     * Creates the history schema before the first schema is read, as the runner would on its first migration: the
     * schema then belongs to every state compared, not to the first up migration only.
     */
    private void createHistorySchema(ScratchDatabase scratch) {
        try (Connection connection = scratch.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists " + PgIdentifiers.quote(options.historySchema()));
        } catch (SQLException e) {
            throw SlipwayException.failed("could not prepare " + scratch + ": " + e.getMessage(),
                    "no database but the scratch one was touched", "run again with --verbose", e);
        }
    }

    private static SchemaModel read(ScratchDatabase scratch) {
        return scratch.schema(SchemaFilter.allSchemas());
    }
}
