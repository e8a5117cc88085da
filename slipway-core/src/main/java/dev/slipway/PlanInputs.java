package dev.slipway;

import dev.slipway.apply.StatusEntry;
import dev.slipway.apply.StatusReport;
import dev.slipway.lint.Planner;
import dev.slipway.migration.CallbackScript;
import dev.slipway.migration.MigrationScript;
import dev.slipway.migration.MigrationSet;
import dev.slipway.migration.ResolvedMigration;
import dev.slipway.migration.Version;
import dev.slipway.migration.VersionedMigration;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The pending migrations {@code migrate} would run, in its order, with their SQL, for {@link Slipway#plan}. */
final class PlanInputs {
    private PlanInputs() {
    }

    static List<Planner.Input> of(MigrationSet set, StatusReport status, Version target) {
        List<Planner.Input> inputs = new ArrayList<>();
        // the callbacks run on every migrate, whether or not anything is pending
        callbacks(set, CallbackScript.Event.BEFORE_MIGRATE, inputs);
        for (StatusEntry entry : status.pending()) {
            if (target != null && (entry.version() == null || entry.version().compareTo(target) > 0)) continue;
            Optional<ResolvedMigration> migration = find(set, entry);
            String version = entry.version() == null ? null : entry.version().toString();
            if (migration.isPresent() && migration.get() instanceof MigrationScript script) {
                inputs.add(new Planner.Input(script.location(), version, read(script)));
            } else {
                inputs.add(new Planner.Input(entry.script(), version, null));
            }
        }
        callbacks(set, CallbackScript.Event.AFTER_MIGRATE, inputs);
        return inputs;
    }

    private static void callbacks(MigrationSet set, CallbackScript.Event event, List<Planner.Input> inputs) {
        for (CallbackScript callback : set.callbacks(event)) {
            try {
                inputs.add(new Planner.Input(callback.location(), null, callback.source().text()));
            } catch (IOException e) {
                throw SlipwayException.badInput("cannot read " + callback.location() + ": " + e.getMessage(),
                        callback.location(), "check that the file is readable UTF-8");
            }
        }
    }

    private static Optional<ResolvedMigration> find(MigrationSet set, StatusEntry entry) {
        if (entry.version() != null) {
            Optional<ResolvedMigration> versioned = set.versioned(entry.version())
                    .map(VersionedMigration::migration);
            if (versioned.isPresent()) return versioned;
        }
        List<ResolvedMigration> others = new ArrayList<>(set.repeatables());
        others.addAll(set.baselines());
        return others.stream().filter(m -> m.location().equals(entry.script())).findFirst();
    }

    private static String read(MigrationScript script) {
        try {
            return script.source().text();
        } catch (IOException e) {
            throw SlipwayException.badInput("cannot read " + script.location() + ": " + e.getMessage(),
                    script.location(), "check that the file is readable UTF-8");
        }
    }
}
