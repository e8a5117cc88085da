package dev.slipway.cli;

import dev.slipway.schema.DdlScript;
import dev.slipway.schema.DdlStatement;
import dev.slipway.schema.SchemaDifference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shape of schema differences and DDL for {@code drift} and {@code diff}: plain values only, since a
 * difference carries whole objects (function bodies, view queries) that a script reading the output does not need.
 */
final class SchemaDifferencesJson {
    private SchemaDifferencesJson() {
    }

    static List<Map<String, Object>> differences(List<SchemaDifference> differences) {
        return differences.stream().map(SchemaDifferencesJson::difference).toList();
    }

    static Map<String, Object> difference(SchemaDifference difference) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("change", difference.change().name().toLowerCase(Locale.ROOT));
        json.put("kind", difference.path().kind().label());
        json.put("path", difference.path().toString());
        if (difference instanceof SchemaDifference.Changed changed) {
            json.put("property", changed.property());
            json.put("before", changed.before());
            json.put("after", changed.after());
        }
        json.put("description", difference.describe());
        return json;
    }

    static Map<String, Object> ddl(DdlScript script) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("statements", script.statements().stream().map(DdlStatement::sql).toList());
        json.put("destructive", script.statements().stream().anyMatch(DdlStatement::destructive));
        json.put("warnings", script.warnings());
        json.put("text", script.text());
        return json;
    }
}
