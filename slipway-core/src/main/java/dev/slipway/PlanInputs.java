package dev.slipway;

import dev.slipway.apply.StatusEntry;
import dev.slipway.apply.StatusReport;
import dev.slipway.lint.Planner;
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
        return inputs;
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
