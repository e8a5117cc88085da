package dev.slipway.apply;

import dev.slipway.history.HistoryEntry;
import dev.slipway.migration.CallbackScript;
import dev.slipway.migration.JavaMigration;
import dev.slipway.migration.JavaMigrationClass;
import dev.slipway.migration.MigrationName;
import dev.slipway.migration.MigrationScript;
import dev.slipway.migration.MigrationSet;
import dev.slipway.migration.MigrationType;
import dev.slipway.migration.ResolvedMigration;
import dev.slipway.migration.ScriptSource;
import dev.slipway.migration.SourcePosition;
import dev.slipway.migration.VersionedMigration;
import dev.slipway.sql.SqlScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Turns a scanned {@link MigrationSet} into the runner's {@link Reconciliation.Catalog}. */
final class Catalogs {
    private Catalogs() {
    }

    static Reconciliation.Catalog of(MigrationSet set) {
        List<Candidate> versioned = set.versionedAscending().stream().map(Catalogs::candidate).toList();
        List<Candidate> baselines = set.baselines().stream().map(b -> new Candidate(unit(b, true), null)).toList();
        List<Candidate> repeatables = set.repeatables().stream().map(r -> new Candidate(unit(r, true), null)).toList();
        return new Reconciliation.Catalog(versioned, baselines, repeatables,
                callbacks(set, CallbackScript.Event.BEFORE_MIGRATE),
                callbacks(set, CallbackScript.Event.AFTER_MIGRATE));
    }

    /** {@return the callbacks of one event as units: no version, no row in the history, a key of their own} */
    private static List<Unit> callbacks(MigrationSet set, CallbackScript.Event event) {
        return set.callbacks(event).stream().map(callback -> new Unit("callback:" + callback.location(), null,
                MigrationType.REPEATABLE, callback.location(), callback.location(), null,
                major -> StepPlanner.plan(callback.location(),
                        SqlScript.parse(read(callback.location(), callback.source())), major))).toList();
    }

    private static Candidate candidate(VersionedMigration migration) {
        Unit up = unit(migration.migration(), true);
        Unit down = migration.undo().map(undo -> unit(undo, false)).orElse(null);
        return new Candidate(up, down == null ? null : new Unit(up.key(), up.version(), down.type(),
                up.description(), down.script(), down.checksum(), down.steps()));
    }

    private static Unit unit(ResolvedMigration migration, boolean up) {
        MigrationName name = migration.name();
        String key = name.version() == null ? HistoryEntry.repeatableKey(name.description())
                : HistoryEntry.versionKey(name.version());
        if (migration instanceof MigrationScript script) {
            return new Unit(key, name.version(), name.type(), name.description(), script.location(),
                    script.checksum(), major -> StepPlanner.plan(script.location(),
                            SqlScript.parse(read(script.location(), script.source())), major));
        }
        if (migration instanceof JavaMigrationClass java) {
            JavaMigration instance = java.newInstance();
            boolean inTransaction = instance.runInTransaction();
            return new Unit(key, name.version(), name.type(), name.description(), java.location(),
                    instance.checksum(), major -> new StepPlanner.Planned(List.of(
                            new Step.JavaCall(instance, name, up, inTransaction, java.placeholders().values())),
                            inTransaction ? null : "the Java migration says runInTransaction() = false"));
        }
        throw new AssertionError(migration);
    }

    /** Reads a script's text; only the migration about to run is held in memory. */
    private static String read(String location, ScriptSource source) {
        try {
            return source.text();
        } catch (IOException e) {
            throw new UncheckedIOException(SourcePosition.of(location) + ": " + e.getMessage(), e);
        }
    }
}
