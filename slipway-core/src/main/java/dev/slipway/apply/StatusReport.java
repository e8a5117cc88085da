package dev.slipway.apply;

import dev.slipway.migration.Version;
import java.util.List;

/**
 * Where the database stands.
 *
 * @param current    the newest applied version, or null
 * @param historyTable whether the history table exists yet
 * @param entries    every migration on disk or in the history, versioned ones by version, then repeatables
 */
public record StatusReport(Version current, boolean historyTable, List<StatusEntry> entries) {
    public StatusReport {
        entries = List.copyOf(entries);
    }

    /** {@return the migrations a run would apply (pending, partial, failed, out-of-order, outdated repeatables)} */
    public List<StatusEntry> pending() {
        return entries.stream().filter(e -> switch (e.state()) {
            case PENDING, PARTIAL, FAILED, OUT_OF_ORDER, OUTDATED -> true;
            default -> false;
        }).toList();
    }

    /** {@return whether anything is partial, reverting, changed or missing} */
    public boolean needsAttention() {
        return entries.stream().anyMatch(e -> switch (e.state()) {
            case PARTIAL, REVERTING, CHANGED, MISSING, FAILED, OUT_OF_ORDER -> true;
            default -> false;
        });
    }
}
