package dev.slipway.history;

import dev.slipway.db.PgIdentifiers;
import dev.slipway.migration.MigrationType;
import dev.slipway.migration.Version;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Slipway's two bookkeeping tables in one schema: {@code slipway_history}, the current state (one row per applied,
 * partly applied or reverting migration), and {@code slipway_history_audit}, the append-only trail of every apply,
 * revert, stamp and baseline with who, where, when, how long and the outcome.
 * <p>Every method works on the caller's connection and inside the caller's transaction, so a migration's effects and
 * its record commit together. Not thread-safe; stateless apart from the schema name.
 */
public final class HistoryTable {
    /** Name of the current-state table. */
    public static final String STATE_TABLE = "slipway_history";
    /** Name of the audit-trail table. */
    public static final String AUDIT_TABLE = "slipway_history_audit";

    private final String schema;
    private final String state;
    private final String audit;

    /** A history in {@code schema} (created on first use). */
    public HistoryTable(String schema) {
        this.schema = schema;
        this.state = PgIdentifiers.qualified(schema, STATE_TABLE);
        this.audit = PgIdentifiers.qualified(schema, AUDIT_TABLE);
    }

    /** {@return the schema holding the history} */
    public String schema() {
        return schema;
    }

    /** {@return whether the state table exists} */
    public boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select 1 from pg_catalog.pg_tables where schemaname = ? and tablename = ?")) {
            query.setString(1, schema);
            query.setString(2, STATE_TABLE);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private boolean schemaExists(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select 1 from pg_catalog.pg_namespace where nspname = ?")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Creates the schema and both tables if they are missing. Run it while holding the runner lock. */
    public void ensureCreated(Connection connection) throws SQLException {
        if (exists(connection)) {
            // tables made before the column was: added once, by the first run that needs it
            if (!laterColumns(connection).contains("statements_checksum")) {
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute("alter table " + state + " add column statements_checksum integer");
                }
            }
            return;
        }
        try (Statement ddl = connection.createStatement()) {
            // CREATE SCHEMA IF NOT EXISTS checks the CREATE privilege on the database even when the schema exists,
            // which a migration role that owns only its tables often lacks
            if (!schemaExists(connection)) ddl.execute("create schema " + PgIdentifiers.quote(schema));
            ddl.execute("create table if not exists " + state + " ("
                    + " migration_key text primary key,"
                    + " version text,"
                    + " type text not null,"
                    + " description text not null,"
                    + " script text not null,"
                    + " checksum integer,"
                    + " state text not null check (state in ('applied', 'partial', 'reverting')),"
                    + " steps_done integer not null default 0,"
                    + " step_in_flight integer not null default 0,"
                    + " applied_by text not null default current_user,"
                    + " applied_at timestamptz not null default now(),"
                    + " duration_ms bigint not null default 0,"
                    + " how text not null default 'run',"
                    + " steps_checksum integer,"
                    + " statements_checksum integer)");
            ddl.execute("create table if not exists " + audit + " ("
                    + " id bigserial primary key,"
                    + " action text not null,"
                    + " version text,"
                    + " description text,"
                    + " script text,"
                    + " checksum integer,"
                    + " outcome text not null,"
                    + " detail text,"
                    + " db_user text not null default current_user,"
                    + " os_user text,"
                    + " host text,"
                    + " tool_version text,"
                    + " started_at timestamptz not null,"
                    + " duration_ms bigint not null default 0)");
        }
    }

    /** {@return every row of the current state, or none when the table does not exist yet} */
    public List<HistoryEntry> read(Connection connection) throws SQLException {
        if (!exists(connection)) return List.of();
        List<HistoryEntry> entries = new ArrayList<>();
        Set<String> later = laterColumns(connection);
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("select migration_key, version, type, description, script, checksum,"
                     + " state, steps_done, step_in_flight, applied_by, applied_at, duration_ms, how, steps_checksum, "
                     // the column exists only once a batched statement has run
                     + (later.contains("batch_last_key") ? "batch_last_key" : "null::text") + ", "
                     // made by an older Slipway and not migrated since
                     + (later.contains("statements_checksum") ? "statements_checksum" : "null::integer")
                     + " from " + state)) {
            while (rows.next()) {
                String version = rows.getString(2);
                int checksum = rows.getInt(6);
                Integer maybeChecksum = rows.wasNull() ? null : checksum;
                int stepsChecksum = rows.getInt(14);
                Integer maybeStepsChecksum = rows.wasNull() ? null : stepsChecksum;
                int statementsChecksum = rows.getInt(16);
                Integer maybeStatementsChecksum = rows.wasNull() ? null : statementsChecksum;
                entries.add(new HistoryEntry(rows.getString(1), version == null ? null : Version.parse(version),
                        MigrationType.valueOf(rows.getString(3)), rows.getString(4), rows.getString(5),
                        maybeChecksum, MigrationState.of(rows.getString(7)), rows.getInt(8),
                        rows.getInt(9), rows.getString(10), rows.getTimestamp(11).toInstant(), rows.getLong(12),
                        rows.getString(13), maybeStepsChecksum, rows.getString(15), maybeStatementsChecksum));
            }
        }
        return entries;
    }

    /** Inserts or replaces the row of {@code entry.key()}. */
    public void save(Connection connection, HistoryEntry entry) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(upsertSql())) {
            bindEntry(upsert, 0, entry);
            upsert.executeUpdate();
        }
    }

    /**
     * Saves {@code entry} and appends {@code record} in one statement: one round trip instead of two for every
     * migration a run applies.
     */
    public void saveAndAudit(Connection connection, HistoryEntry entry, AuditRecord record) throws SQLException {
        try (PreparedStatement both = connection.prepareStatement("with saved as (" + upsertSql() + " returning 1) "
                + auditSql())) {
            bindEntry(both, 0, entry);
            bindAudit(both, 14, record);
            both.executeUpdate();
        }
    }

    private String upsertSql() {
        return "insert into " + state
                + " (migration_key, version, type, description, script, checksum, state, steps_done, step_in_flight,"
                + " applied_at, duration_ms, how, steps_checksum, statements_checksum)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (migration_key) do update set version = excluded.version, type = excluded.type,"
                + " description = excluded.description, script = excluded.script, checksum = excluded.checksum,"
                + " state = excluded.state, steps_done = excluded.steps_done,"
                + " step_in_flight = excluded.step_in_flight, applied_by = current_user,"
                + " applied_at = excluded.applied_at, duration_ms = excluded.duration_ms, how = excluded.how,"
                + " steps_checksum = excluded.steps_checksum, statements_checksum = excluded.statements_checksum";
    }

    private String auditSql() {
        return "insert into " + audit
                + " (action, version, description, script, checksum, outcome, detail, os_user, host, tool_version,"
                + " started_at, duration_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    private static void bindEntry(PreparedStatement statement, int offset, HistoryEntry entry) throws SQLException {
        statement.setString(offset + 1, entry.key());
        statement.setString(offset + 2, entry.version() == null ? null : entry.version().toString());
        statement.setString(offset + 3, entry.type().name());
        statement.setString(offset + 4, entry.description());
        statement.setString(offset + 5, entry.script());
        setNullableInt(statement, offset + 6, entry.checksum());
        statement.setString(offset + 7, entry.state().stored());
        statement.setInt(offset + 8, entry.stepsDone());
        statement.setInt(offset + 9, entry.stepInFlight());
        statement.setTimestamp(offset + 10, Timestamp.from(entry.appliedAt()));
        statement.setLong(offset + 11, entry.durationMs());
        statement.setString(offset + 12, entry.how());
        setNullableInt(statement, offset + 13, entry.stepsChecksum());
        setNullableInt(statement, offset + 14, entry.statementsChecksum());
    }

    private static void bindAudit(PreparedStatement statement, int offset, AuditRecord record) throws SQLException {
        statement.setString(offset + 1, record.action());
        statement.setString(offset + 2, record.version() == null ? null : record.version().toString());
        statement.setString(offset + 3, record.description());
        statement.setString(offset + 4, record.script());
        setNullableInt(statement, offset + 5, record.checksum());
        statement.setString(offset + 6, record.outcome());
        statement.setString(offset + 7, record.detail());
        statement.setString(offset + 8, record.actor().osUser());
        statement.setString(offset + 9, record.actor().host());
        statement.setString(offset + 10, record.actor().toolVersion());
        statement.setTimestamp(offset + 11, Timestamp.from(record.startedAt()));
        statement.setLong(offset + 12, record.durationMs());
    }

    private static void setNullableInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    /**
     * Records progress of a migration that runs step by step.
     *
     * @param stepsChecksum a checksum of the statements of the {@code stepsDone} steps
     */
    public void markSteps(Connection connection, String key, MigrationState newState, int stepsDone, int stepInFlight,
            int stepsChecksum) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update " + state
                + " set state = ?, steps_done = ?, step_in_flight = ?, steps_checksum = ? where migration_key = ?")) {
            update.setString(1, newState.stored());
            update.setInt(2, stepsDone);
            update.setInt(3, stepInFlight);
            update.setInt(4, stepsChecksum);
            update.setString(5, key);
            if (update.executeUpdate() != 1) throw new SQLException("no history row for " + key);
        }
    }

    /** {@return which of the columns that came after the table's first version it has} */
    private Set<String> laterColumns(Connection connection) throws SQLException {
        Set<String> present = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("select attname from pg_catalog.pg_attribute"
                + " where attrelid = pg_catalog.to_regclass(?) and attname in ('batch_last_key', 'statements_checksum')"
                + " and not attisdropped")) {
            query.setString(1, state);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) present.add(rows.getString(1));
            }
        }
        return present;
    }

    /**
     * Adds the column where a batched statement records its progress, to a history made before batching existed.
     * Run it while holding the runner lock, outside a transaction.
     */
    public void ensureBatchColumn(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table " + state + " add column if not exists batch_last_key text");
        }
    }

    /** {@return the last key a batched statement of the migration committed, if one is in progress} */
    public Optional<String> batchLastKey(Connection connection, String key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select batch_last_key from " + state
                + " where migration_key = ?")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Records the last key a batch committed, in the batch's transaction; null when the batched statement is done.
     * Needs {@link #ensureBatchColumn}.
     */
    public void markBatch(Connection connection, String key, String lastKey) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update " + state
                + " set batch_last_key = ? where migration_key = ?")) {
            update.setString(1, lastKey);
            update.setString(2, key);
            if (update.executeUpdate() != 1) throw new SQLException("no history row for " + key);
        }
    }

    /** Removes the row of a reverted or unstamped migration. */
    public void delete(Connection connection, String key) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from " + state + " where migration_key = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        }
    }

    /** Appends one row to the audit trail. */
    public void audit(Connection connection, AuditRecord record) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(auditSql())) {
            bindAudit(insert, 0, record);
            insert.executeUpdate();
        }
    }

    /** {@return the audit trail, oldest first; empty when the table does not exist} */
    public List<AuditEntry> readAudit(Connection connection) throws SQLException {
        if (!exists(connection)) return List.of();
        List<AuditEntry> entries = new ArrayList<>();
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("select id, action, version, description, script, checksum, outcome,"
                     + " detail, db_user, os_user, host, tool_version, started_at, duration_ms from " + audit
                     + " order by id")) {
            while (rows.next()) {
                int checksum = rows.getInt(6);
                Integer maybeChecksum = rows.wasNull() ? null : checksum;
                entries.add(new AuditEntry(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), maybeChecksum, rows.getString(7), rows.getString(8), rows.getString(9),
                        rows.getString(10), rows.getString(11), rows.getString(12),
                        rows.getTimestamp(13).toInstant(), rows.getLong(14)));
            }
        }
        return entries;
    }

    /**
     * What to append to the audit trail.
     *
     * @param action      apply, revert, stamp, unstamp, baseline or adopt
     * @param version     the version or null
     * @param description the description
     * @param script      the file or class
     * @param checksum    the checksum or null
     * @param outcome     success, failed or partial
     * @param detail      an error or note, without passwords, or null
     * @param actor       who ran it
     * @param startedAt   when it started
     * @param durationMs  how long it took
     */
    public record AuditRecord(String action, Version version, String description, String script, Integer checksum,
            String outcome, String detail, Actor actor, Instant startedAt, long durationMs) {
    }
}
