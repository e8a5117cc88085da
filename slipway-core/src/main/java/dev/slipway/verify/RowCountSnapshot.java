package dev.slipway.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.SlipwayException;
import dev.slipway.db.PgIdentifiers;
import dev.slipway.history.HistoryTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The exact row count of every table of a database at one moment, taken before a deploy
 * ({@code slipway verify --snapshot}) so that {@code slipway verify} afterwards can tell a table that lost rows.
 * Stored as {@code row-counts-<database>.json} in the snapshot folder; a later snapshot of the same database
 * replaces it.
 *
 * @param database the database's name
 * @param server   the server it is on ({@code host:port}), so a snapshot of another server is never compared
 * @param takenAt  when the counting began
 * @param revision the version the database was at, or null
 * @param counts   rows per table ({@code schema.table}, as SQL writes it), Slipway's own history tables left out
 */
public record RowCountSnapshot(String database, String server, Instant takenAt, String revision,
                               Map<String, Long> counts) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLES = """
            select n.nspname, c.relname
            from pg_class c
            join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'p') and not c.relispartition
              and n.nspname not in ('pg_catalog', 'information_schema')
              and n.nspname !~ '^pg_(toast|temp_)'
              and not (n.nspname = %s and c.relname in (%s, %s))
              and has_table_privilege(c.oid, 'SELECT')
            order by 1, 2
            """;
    static final String IDENTITY = "select current_database(), coalesce(host(inet_server_addr()) || ':'"
            + " || inet_server_port(), 'local socket:' || current_setting('port'))";
    private static final int MAX_TABLES = 100_000;

    /** Checks the parts and copies the counts, sorted by table. */
    public RowCountSnapshot {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(takenAt, "takenAt");
        counts = java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /**
     * {@return the exact row counts of the database {@code session} is connected to, each counted with the statement
     * timeout}
     *
     * @param historySchema the schema of Slipway's history tables, which are left out
     * @param revision      the version the database is at, or null
     */
    public static RowCountSnapshot take(VerifySession session, String historySchema, String revision)
            throws SQLException {
        Rows identity = session.query(IDENTITY, 1);
        Instant takenAt = Instant.now();
        Map<String, Long> counts = new TreeMap<>();
        for (List<Object> table : tables(session, historySchema).values()) {
            String name = Names.qualified((String) table.get(0), (String) table.get(1));
            counts.put(name, session.queryLong("select count(*) from "
                    + PgIdentifiers.qualified((String) table.get(0), (String) table.get(1))));
        }
        return new RowCountSnapshot((String) identity.value(0, 0), (String) identity.value(0, 1), takenAt,
                revision, counts);
    }

    /** {@return the tables a snapshot counts: schema and name of each} */
    static Rows tables(VerifySession session, String historySchema) throws SQLException {
        return session.query(String.format(TABLES, PgIdentifiers.literal(historySchema),
                PgIdentifiers.literal(HistoryTable.STATE_TABLE), PgIdentifiers.literal(HistoryTable.AUDIT_TABLE)),
                MAX_TABLES);
    }

    /** {@return the file of the snapshot of {@code database} in {@code directory}} */
    public static Path fileFor(Path directory, String database) {
        // a database name may hold any character; the file name keeps only the harmless ones
        return directory.resolve("row-counts-" + database.replaceAll("[^A-Za-z0-9_.-]", "_") + ".json");
    }

    /**
     * Writes the snapshot into {@code directory} (created if missing), replacing an older one of the same database
     * in one step, so a reader never sees half a file.
     *
     * @return the file written
     */
    public Path write(Path directory) {
        Path file = fileFor(directory, database);
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".row-counts-", ".tmp");
            Files.writeString(temporary, toJson(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw SlipwayException.failed("could not write the row-count snapshot " + file + ": " + e.getMessage(),
                    "not touched (the snapshot only reads)", "check that " + directory + " is writable, or set"
                            + " [verify] snapshot_directory", e);
        }
    }

    /**
     * {@return the snapshot of {@code database} in {@code directory}, if one was taken}
     *
     * @throws SlipwayException (bad input) when the file is there but is not a snapshot
     */
    public static Optional<RowCountSnapshot> read(Path directory, String database) {
        Path file = fileFor(directory, database);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            JsonNode tree = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            Map<String, Long> counts = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> tables = tree.required("tables").fields();
            while (tables.hasNext()) {
                Map.Entry<String, JsonNode> table = tables.next();
                if (!table.getValue().canConvertToLong()) throw new IOException(table.getKey() + " is not a count");
                counts.put(table.getKey(), table.getValue().longValue());
            }
            JsonNode revision = tree.get("revision");
            return Optional.of(new RowCountSnapshot(tree.required("database").asText(),
                    tree.required("server").asText(), Instant.parse(tree.required("takenAt").asText()),
                    revision == null || revision.isNull() ? null : revision.asText(), counts));
        } catch (IOException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw SlipwayException.badInput("the row-count snapshot " + file + " cannot be read: " + e.getMessage(),
                    file.toString(), "take a new one with `slipway verify --snapshot`, or delete the file");
        }
    }

    /** {@return the snapshot as the JSON document written to its file} */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("database", database);
        root.put("server", server);
        root.put("takenAt", takenAt.toString());
        root.put("revision", revision);
        ObjectNode tables = root.putObject("tables");
        counts.forEach(tables::put);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }
}
