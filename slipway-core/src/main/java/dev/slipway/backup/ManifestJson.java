package dev.slipway.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.config.BackupFormat;
import dev.slipway.config.ConfigException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes and reads {@link BackupManifest}s as JSON. The layout is versioned ({@code manifestVersion}) so a later
 * Slipway can read what an earlier one wrote; unknown fields are ignored. Stateless and thread-safe.
 */
final class ManifestJson {
    /** The layout this class writes. */
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestJson() {
    }

    /** A manifest that cannot be read; the message says what is wrong with it. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    static String write(BackupManifest manifest) {
        ObjectNode root = JSON.createObjectNode();
        root.put("manifestVersion", VERSION);
        root.put("id", manifest.id());
        root.put("format", manifest.format().configName());
        root.put("file", manifest.file());
        root.put("database", manifest.database());
        root.put("host", manifest.host());
        root.put("port", manifest.port());
        root.put("user", manifest.user());
        root.put("serverVersion", manifest.serverVersion());
        root.put("pgDumpVersion", manifest.pgDumpVersion());
        root.put("revision", manifest.revision());
        root.put("createdAt", manifest.createdAt().toString());
        root.put("durationMs", manifest.duration().toMillis());
        root.put("size", manifest.size());
        root.put("sha256", manifest.sha256());
        if (!manifest.files().isEmpty()) {
            ObjectNode files = root.putObject("files");
            manifest.files().forEach(files::put);
        }
        root.put("slipwayVersion", manifest.slipwayVersion());
        root.put("partial", manifest.partial());
        ArrayNode requested = root.putArray("requestedTables");
        manifest.requestedTables().forEach(requested::add);
        ArrayNode tables = root.putArray("tables");
        for (BackupTable table : manifest.tables()) {
            ObjectNode entry = tables.addObject().put("schema", table.schema()).put("name", table.name());
            if (table.rows() != null) entry.put("rows", table.rows());
        }
        root.put("verification", manifest.verification().name().toLowerCase(Locale.ROOT));
        if (manifest.command() != null) {
            CommandRecord command = manifest.command();
            root.putObject("command").put("command", command.command()).put("exitCode", command.exitCode())
                    .put("durationMs", command.duration().toMillis()).put("output", command.output());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a manifest", e);
        }
    }

    static BackupManifest read(String text) throws Unreadable {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Unreadable("not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject() || !root.has("manifestVersion")) {
            throw new Unreadable("not a Slipway backup manifest (it has no manifestVersion)");
        }
        if (root.get("manifestVersion").asInt() > VERSION) {
            throw new Unreadable("written by a newer Slipway (manifest version " + root.get("manifestVersion")
                    + "); upgrade Slipway to read it");
        }
        try {
            Map<String, String> files = new LinkedHashMap<>();
            if (root.hasNonNull("files")) root.get("files").fields().forEachRemaining(f -> files.put(f.getKey(),
                    f.getValue().asText()));
            List<BackupTable> tables = new ArrayList<>();
            for (JsonNode table : array(root, "tables")) {
                tables.add(new BackupTable(required(table, "schema"), required(table, "name"),
                        table.hasNonNull("rows") ? table.get("rows").asLong() : null));
            }
            List<String> requested = new ArrayList<>();
            array(root, "requestedTables").forEach(name -> requested.add(name.asText()));
            CommandRecord command = null;
            if (root.hasNonNull("command")) {
                JsonNode c = root.get("command");
                command = new CommandRecord(required(c, "command"), c.path("exitCode").asInt(),
                        Duration.ofMillis(c.path("durationMs").asLong()), c.path("output").asText(""));
            }
            return new BackupManifest(required(root, "id"), BackupFormat.parse(required(root, "format")),
                    optional(root, "file"), required(root, "database"), optional(root, "host"),
                    root.path("port").asInt(), optional(root, "user"), optional(root, "serverVersion"),
                    optional(root, "pgDumpVersion"), optional(root, "revision"),
                    Instant.parse(required(root, "createdAt")), Duration.ofMillis(root.path("durationMs").asLong()),
                    root.path("size").asLong(), optional(root, "sha256"), files, optional(root, "slipwayVersion"),
                    tables, requested, Verification.valueOf(required(root, "verification").toUpperCase(Locale.ROOT)),
                    command);
        } catch (ConfigException | DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            throw new Unreadable("a field is missing or wrong (" + e.getMessage() + ")");
        }
    }

    private static Iterable<JsonNode> array(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value != null && value.isArray() ? value : List.of();
    }

    private static String required(JsonNode node, String field) throws Unreadable {
        if (!node.hasNonNull(field) || !node.get(field).isValueNode()) {
            throw new Unreadable("the field \"" + field + "\" is missing");
        }
        return node.get(field).asText();
    }

    private static String optional(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
