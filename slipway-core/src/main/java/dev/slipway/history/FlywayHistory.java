package dev.slipway.history;

import dev.slipway.migration.MigrationType;
import dev.slipway.migration.Version;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an existing {@code flyway_schema_history} so a database Flyway managed can be adopted as it is.
 * <p>Slipway's checksums are computed the way Flyway computes them, so adopted rows validate against the same files.
 */
public final class FlywayHistory {
    private FlywayHistory() {
    }

    /** {@return the successful rows of {@code schema.flyway_schema_history} as history entries; none if absent} */
    public static List<HistoryEntry> read(Connection connection, String schema) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(
                "select 1 from pg_catalog.pg_tables where schemaname = ? and tablename = 'flyway_schema_history'")) {
            exists.setString(1, schema);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) return List.of();
            }
        }
        List<HistoryEntry> entries = new ArrayList<>();
        String table = dev.slipway.db.PgIdentifiers.qualified(schema, "flyway_schema_history");
        try (PreparedStatement query = connection.prepareStatement("select version, description, type, script,"
                + " checksum, installed_on, execution_time from " + table + " where success order by installed_rank");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String version = rows.getString(1);
                String type = rows.getString(3);
                int checksum = rows.getInt(5);
                Integer maybeChecksum = rows.wasNull() ? null : checksum;
                if ("DELETE".equals(type) || "UNDO_SQL".equals(type)) continue;
                boolean baseline = type.contains("BASELINE");
                MigrationType kind = version == null ? MigrationType.REPEATABLE
                        : baseline ? MigrationType.BASELINE : MigrationType.VERSIONED;
                Version parsed = version == null ? null : Version.parse(version);
                String key = parsed == null ? HistoryEntry.repeatableKey(rows.getString(2))
                        : HistoryEntry.versionKey(parsed);
                entries.add(new HistoryEntry(key, parsed, kind, rows.getString(2), rows.getString(4), maybeChecksum,
                        MigrationState.APPLIED, 0, 0, null, rows.getTimestamp(6).toInstant(), rows.getLong(7),
                        baseline ? "baseline" : "adopted"));
            }
        }
        return entries;
    }
}
