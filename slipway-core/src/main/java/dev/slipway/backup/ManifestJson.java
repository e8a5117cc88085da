package dev.slipway.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.slipway.config.BackupFormat;
import dev.slipway.config.ConfigException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
 * Slipway can read what an earlier one wrote; unknown fields are ignored. Jackson's streaming API rather than its
 * object mapper: a command-line run pays for every class it loads, and the mapper costs half a second cold.
 * Stateless and thread-safe.
 */
final class ManifestJson {
    /** The layout this class writes. */
    static final int VERSION = 1;
    private static final JsonFactory JSON = new JsonFactory();

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
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.useDefaultPrettyPrinter();
            out.writeStartObject();
            out.writeNumberField("manifestVersion", VERSION);
            out.writeStringField("id", manifest.id());
            out.writeStringField("format", manifest.format().configName());
            out.writeStringField("file", manifest.file());
            out.writeStringField("database", manifest.database());
            out.writeStringField("host", manifest.host());
            out.writeNumberField("port", manifest.port());
            out.writeStringField("user", manifest.user());
            out.writeStringField("serverVersion", manifest.serverVersion());
            out.writeStringField("pgDumpVersion", manifest.pgDumpVersion());
            out.writeStringField("revision", manifest.revision());
            out.writeStringField("createdAt", manifest.createdAt().toString());
            out.writeNumberField("durationMs", manifest.duration().toMillis());
            out.writeNumberField("size", manifest.size());
            out.writeStringField("sha256", manifest.sha256());
            if (!manifest.files().isEmpty()) {
                out.writeObjectFieldStart("files");
                for (Map.Entry<String, String> file : manifest.files().entrySet()) {
                    out.writeStringField(file.getKey(), file.getValue());
                }
                out.writeEndObject();
            }
            out.writeStringField("slipwayVersion", manifest.slipwayVersion());
            out.writeBooleanField("partial", manifest.partial());
            out.writeArrayFieldStart("requestedTables");
            for (String table : manifest.requestedTables()) {
                out.writeString(table);
            }
            out.writeEndArray();
            out.writeArrayFieldStart("tables");
            for (BackupTable table : manifest.tables()) {
                out.writeStartObject();
                out.writeStringField("schema", table.schema());
                out.writeStringField("name", table.name());
                if (table.rows() != null) out.writeNumberField("rows", table.rows());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeStringField("verification", manifest.verification().name().toLowerCase(Locale.ROOT));
            if (manifest.command() != null) {
                CommandRecord command = manifest.command();
                out.writeObjectFieldStart("command");
                out.writeStringField("command", command.command());
                out.writeNumberField("exitCode", command.exitCode());
                out.writeNumberField("durationMs", command.duration().toMillis());
                out.writeStringField("output", command.output());
                out.writeEndObject();
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a manifest", e);
        }
        return text + "\n";
    }

    static BackupManifest read(String text) throws Unreadable {
        Object parsed;
        try (JsonParser in = JSON.createParser(text)) {
            parsed = value(in, in.nextToken());
            if (in.nextToken() != null) throw new Unreadable("not JSON (more after the end of the document)");
        } catch (JsonProcessingException e) {
            throw new Unreadable("not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new Unreadable("not readable (" + e.getMessage() + ")");
        }
        if (!(parsed instanceof Map<?, ?> root) || !root.containsKey("manifestVersion")) {
            throw new Unreadable("not a Slipway backup manifest (it has no manifestVersion)");
        }
        if (number(root, "manifestVersion") > VERSION) {
            throw new Unreadable("written by a newer Slipway (manifest version " + root.get("manifestVersion")
                    + "); upgrade Slipway to read it");
        }
        try {
            Map<String, String> files = new LinkedHashMap<>();
            if (root.get("files") instanceof Map<?, ?> map) map.forEach((k, v) -> files.put(k.toString(), text(v)));
            List<BackupTable> tables = new ArrayList<>();
            for (Object entry : list(root, "tables")) {
                if (!(entry instanceof Map<?, ?> table)) throw new Unreadable("a table entry is not an object");
                tables.add(new BackupTable(required(table, "schema"), required(table, "name"),
                        table.get("rows") == null ? null : number(table, "rows")));
            }
            List<String> requested = new ArrayList<>();
            list(root, "requestedTables").forEach(name -> requested.add(text(name)));
            CommandRecord command = null;
            if (root.get("command") instanceof Map<?, ?> c) {
                String output = c.get("output") == null ? "" : text(c.get("output"));
                command = new CommandRecord(required(c, "command"), (int) number(c, "exitCode"),
                        Duration.ofMillis(number(c, "durationMs")), output);
            }
            return new BackupManifest(required(root, "id"), BackupFormat.parse(required(root, "format")),
                    optional(root, "file"), required(root, "database"), optional(root, "host"),
                    (int) number(root, "port"), optional(root, "user"), optional(root, "serverVersion"),
                    optional(root, "pgDumpVersion"), optional(root, "revision"),
                    Instant.parse(required(root, "createdAt")), Duration.ofMillis(number(root, "durationMs")),
                    number(root, "size"), optional(root, "sha256"), files, optional(root, "slipwayVersion"),
                    tables, requested, Verification.valueOf(required(root, "verification").toUpperCase(Locale.ROOT)),
                    command);
        } catch (ConfigException | DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            throw new Unreadable("a field is missing or wrong (" + e.getMessage() + ")");
        }
    }

    /** Reads one JSON value: objects as maps, arrays as lists, numbers as longs, other scalars as text. */
    private static Object value(JsonParser in, JsonToken token) throws IOException, Unreadable {
        if (token == null) throw new Unreadable("empty");
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken next = in.nextToken(); next != JsonToken.END_OBJECT; next = in.nextToken()) {
                    String name = in.currentName();
                    object.put(name, value(in, in.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                for (JsonToken next = in.nextToken(); next != JsonToken.END_ARRAY; next = in.nextToken()) {
                    array.add(value(in, next));
                }
                return array;
            }
            case VALUE_NUMBER_INT -> {
                return in.getLongValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> {
                return in.getText();
            }
        }
    }

    private static List<?> list(Map<?, ?> object, String field) {
        return object.get(field) instanceof List<?> list ? list : List.of();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static long number(Map<?, ?> object, String field) throws Unreadable {
        Object value = object.get(field);
        if (value instanceof Long number) return number;
        if (value == null) return 0;
        throw new Unreadable("the field \"" + field + "\" is not a whole number");
    }

    private static String required(Map<?, ?> object, String field) throws Unreadable {
        Object value = object.get(field);
        if (value == null || value instanceof Map || value instanceof List) {
            throw new Unreadable("the field \"" + field + "\" is missing");
        }
        return value.toString();
    }

    private static String optional(Map<?, ?> object, String field) {
        Object value = object.get(field);
        return value == null || value instanceof Map || value instanceof List ? null : value.toString();
    }
}
