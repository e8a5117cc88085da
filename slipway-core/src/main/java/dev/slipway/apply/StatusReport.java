package dev.slipway.apply;

import dev.slipway.migration.Version;
import java.util.List;

/**
 * Where the database stands.
 *
 * @param current    the newest applied version, or null
 * @param historyTable whether the history table exists yet
 * @param entries    every migration on disk or in the history, versioned ones by version, then repeatables
 * @param running    the other Slipway sessions running on the database now: a deploy, a migration run; empty when
 *                   none is
 */
public record StatusReport(Version current, boolean historyTable, List<StatusEntry> entries,
                           List<RunnerLock.LockHolder> running) {
    public StatusReport {
        entries = List.copyOf(entries);
        running = List.copyOf(running);
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
