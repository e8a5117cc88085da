package dev.slipway;

import dev.slipway.schema.DdlScript;
import dev.slipway.schema.SchemaDifference;
import java.util.List;

/**
 * What {@code diff} found between two schemas, and the DDL both ways.
 *
 * @param from            the first schema, described without a password
 * @param to              the second schema, described without a password
 * @param objectsCompared how many objects and parts the two schemas hold together
 * @param differences     how {@code to} departs from {@code from}; empty when they are equal
 * @param forward         the DDL that turns {@code from} into {@code to}
 * @param backward        the DDL that turns {@code to} back into {@code from}
 */
public record DiffReport(String from, String to, int objectsCompared, List<SchemaDifference> differences,
        DdlScript forward, DdlScript backward) {
    /** Copies the list. */
    public DiffReport {
        differences = List.copyOf(differences);
    }

    /** {@return whether the two schemas are equal} */
    public boolean same() {
        return differences.isEmpty();
    }
}
