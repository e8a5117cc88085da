package dev.slipway;

import dev.slipway.apply.PendingState;
import dev.slipway.apply.StatusEntry;
import dev.slipway.apply.StatusReport;
import dev.slipway.migration.MigrationType;
import dev.slipway.migration.Version;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The migrations a database's history says are applied, as {@code drift} rebuilds them, and what makes that rebuild
 * inexact.
 *
 * @param versions    versioned migrations and baselines to apply: applied, stamped, changed since, half reverted, or
 *                    below the baseline (the baseline stands for them)
 * @param repeatables descriptions of the repeatable migrations applied
 * @param notes       one sentence per migration the rebuild cannot reproduce exactly
 */
record AppliedMigrations(Set<Version> versions, Set<String> repeatables, List<String> notes) {
    AppliedMigrations {
        versions = Set.copyOf(versions);
        repeatables = Set.copyOf(repeatables);
        notes = List.copyOf(notes);
    }

    static AppliedMigrations of(StatusReport status) {
        Set<Version> versions = new HashSet<>();
        Set<String> repeatables = new HashSet<>();
        List<String> notes = new ArrayList<>();
        for (StatusEntry entry : status.entries()) {
            boolean repeatable = entry.type() == MigrationType.REPEATABLE;
            switch (entry.state()) {
                case APPLIED, BELOW_BASELINE -> add(entry, repeatable, versions, repeatables);
                case CHANGED, OUTDATED -> {
                    add(entry, repeatable, versions, repeatables);
                    notes.add(entry.script() + " changed since it was applied; the expected schema uses the file as"
                            + " it is now");
                }
                case REVERTING -> {
                    add(entry, repeatable, versions, repeatables);
                    notes.add(entry.script() + " is partly reverted; the expected schema has it applied");
                }
                case PARTIAL -> notes.add(entry.script() + " is partly applied; the expected schema leaves it out");
                case MISSING -> notes.add(entry.script() + " was applied but its file is gone; the expected schema"
                        + " lacks it");
                case PENDING, FAILED, OUT_OF_ORDER -> {
                    // not applied: not part of what the database should look like
                }
                default -> throw new AssertionError(entry.state());
            }
        }
        boolean filesBelowBaseline = status.entries().stream()
                .anyMatch(entry -> entry.state() == PendingState.BELOW_BASELINE);
        status.entries().stream().filter(AppliedMigrations::isBaselineMarker).filter(entry -> !filesBelowBaseline)
                .forEach(marker -> notes.add("the database was adopted with `slipway baseline` at version "
                        + marker.version() + " and no migration file holds the schema made before it: those objects"
                        + " show as added"));
        return new AppliedMigrations(versions, repeatables, notes);
    }

    /** {@return whether {@code entry} is the row {@code slipway baseline} writes, which stands for no file} */
    private static boolean isBaselineMarker(StatusEntry entry) {
        return entry.type() == MigrationType.BASELINE && entry.version() != null
                && ("baseline " + entry.version()).equals(entry.script());
    }

    private static void add(StatusEntry entry, boolean repeatable, Set<Version> versions, Set<String> repeatables) {
        if (repeatable) {
            repeatables.add(entry.description());
        } else if (entry.version() != null) {
            versions.add(entry.version());
        }
    }
}
