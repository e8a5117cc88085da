package dev.slipway.backup;

import dev.slipway.history.HistoryEntry;
import dev.slipway.history.HistoryTable;
import dev.slipway.migration.Version;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;

/** The revision of a database: its newest applied migration version, as {@code slipway status} shows it. */
final class Revision {
    private Revision() {
    }

    /** {@return the newest version in the history in {@code historySchema}, or null when there is none} */
    static String of(Connection connection, String historySchema) throws SQLException {
        return new HistoryTable(historySchema).read(connection).stream()
                .map(HistoryEntry::version)
                .filter(version -> version != null)
                .max(Comparator.naturalOrder())
                .map(Version::toString)
                .orElse(null);
    }
}
