package dev.slipway;

import dev.slipway.migration.Version;
import dev.slipway.schema.SchemaDifference;
import java.util.List;

/**
 * What {@code drift} found: the live database compared with the schema its applied migrations produce.
 *
 * @param database        the target database, without a password
 * @param version         the version the history says the target is at, or null when no versioned migration is
 *                        applied
 * @param objectsCompared how many objects and parts (columns, constraints, indexes, ...) the two schemas hold together
 * @param differences     how the live database departs from the migrations' schema: a column added by hand is
 *                        {@link SchemaDifference.Added}, an index dropped by hand {@link SchemaDifference.Removed};
 *                        empty when there is no drift
 * @param notes           what makes the comparison less exact (a partly applied or changed migration); usually empty
 * @param builtOn         where the expected schema was built, e.g. a local PostgreSQL 15 cluster
 */
public record DriftReport(String database, Version version, int objectsCompared, List<SchemaDifference> differences,
        List<String> notes, String builtOn) {
    /** Copies the lists. */
    public DriftReport {
        differences = List.copyOf(differences);
        notes = List.copyOf(notes);
    }

    /** {@return whether the live schema differs from the expected one} */
    public boolean drifted() {
        return !differences.isEmpty();
    }
}
