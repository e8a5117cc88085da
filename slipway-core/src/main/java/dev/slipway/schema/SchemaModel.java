package dev.slipway.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A database's schema as one immutable value. Every collection is sorted by name (columns, enum labels and attributes
 * keep their own order), so two databases with the same schema give equal models whatever their OIDs or the order in
 * which their objects were created.
 *
 * @param schemas        the schemas read
 * @param extensions     installed extensions
 * @param enums          enum types
 * @param domains        domains
 * @param compositeTypes composite types
 * @param sequences      sequences
 * @param tables         tables, partitioned tables and partitions
 * @param views          views and materialized views
 * @param routines       functions and procedures
 */
public record SchemaModel(List<Schema> schemas, List<Extension> extensions, List<EnumType> enums,
        List<Domain> domains, List<CompositeType> compositeTypes, List<Sequence> sequences, List<Table> tables,
        List<View> views, List<Routine> routines) {
    /** Sorts every collection by name. */
    public SchemaModel {
        schemas = Sorted.by(schemas, Schema::schemaName);
        extensions = Sorted.by(extensions, Extension::extensionName);
        enums = Sorted.by(enums, SchemaObject::name);
        domains = Sorted.by(domains, SchemaObject::name);
        compositeTypes = Sorted.by(compositeTypes, SchemaObject::name);
        sequences = Sorted.by(sequences, SchemaObject::name);
        tables = Sorted.by(tables, SchemaObject::name);
        views = Sorted.by(views, SchemaObject::name);
        routines = Sorted.by(routines, SchemaObject::name);
    }

    /** {@return a model with nothing in it} */
    public static SchemaModel empty() {
        return new SchemaModel(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    /** {@return every top-level object, kind by kind in {@link ObjectKind} order, by name within a kind} */
    public List<SchemaObject> objects() {
        List<SchemaObject> all = new ArrayList<>(schemas);
        all.addAll(extensions);
        all.addAll(enums);
        all.addAll(domains);
        all.addAll(compositeTypes);
        all.addAll(sequences);
        all.addAll(tables);
        all.addAll(views.stream().filter(view -> !view.materialized()).toList());
        all.addAll(views.stream().filter(View::materialized).toList());
        all.addAll(routines.stream().filter(routine -> !routine.procedure()).toList());
        all.addAll(routines.stream().filter(Routine::procedure).toList());
        return List.copyOf(all);
    }

    /** {@return the table {@code schema.name} (both unquoted), if the model has it} */
    public Optional<Table> table(String schema, String name) {
        return tables.stream().filter(t -> t.schema().equals(schema) && t.tableName().equals(name)).findFirst();
    }

    /** {@return the view or materialized view {@code schema.name} (both unquoted), if the model has it} */
    public Optional<View> view(String schema, String name) {
        return views.stream().filter(v -> v.schema().equals(schema) && v.viewName().equals(name)).findFirst();
    }

    /**
     * {@return the model as text, one object per paragraph with its properties and parts indented below it, in the
     * order of {@link #objects()}; absent properties are left out}
     */
    public String render() {
        StringBuilder text = new StringBuilder();
        for (SchemaObject object : objects()) {
            text.append(object.kind().label()).append(' ').append(object.name()).append('\n');
            renderProperties(object.properties(), "    ", text);
            for (SchemaObject part : object.parts()) {
                text.append("    ").append(part.kind().label()).append(' ').append(part.name()).append('\n');
                renderProperties(part.properties(), "        ", text);
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static void renderProperties(Map<String, String> properties, String indent, StringBuilder text) {
        properties.forEach((name, value) -> {
            if (value == null || value.equals("no")) return;
            String shown = value.strip().replace("\n", "\n" + indent + "  ");
            text.append(indent).append(name).append(": ").append(shown).append('\n');
        });
    }
}
