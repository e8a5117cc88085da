package dev.slipway.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Names the differences between two {@link SchemaModel}s.
 * <p>Objects are matched by kind and name (a renamed object is one removed and one added). For an object in both,
 * each property that differs is one {@link SchemaDifference.Changed}; then its parts are compared the same way. A
 * table's column order is compared once for the table: it counts as changed when the second model's order is not the
 * first's surviving columns followed by the new ones, which is the order {@code ADD COLUMN} alone cannot produce.
 * <p>The result is ordered: top-level kinds in {@link ObjectKind} order, names in code-point order, an object's own
 * properties before its parts. Stateless and thread-safe.
 */
public final class SchemaComparison {
    /** The property name under which a table's column order is reported. */
    public static final String COLUMN_ORDER = "column order";

    /** How objects are matched and ordered: kind, then name. */
    private record Key(ObjectKind kind, String name) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::kind).thenComparing(Key::name);

        static Key of(SchemaObject object) {
            return new Key(object.kind(), object.name());
        }

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    private SchemaComparison() {
    }

    /**
     * Compares two models.
     *
     * @param from the schema as it is (for example, the live database)
     * @param to   the schema as it should be
     * @return the differences, empty when the models are equal, in a stable order
     */
    public static List<SchemaDifference> compare(SchemaModel from, SchemaModel to) {
        List<SchemaDifference> differences = new ArrayList<>();
        compareAll(null, from.objects(), to.objects(), differences);
        return List.copyOf(differences);
    }

    /** {@return one line per difference, as {@link SchemaDifference#describe()} gives them} */
    public static List<String> describe(List<SchemaDifference> differences) {
        return differences.stream().map(SchemaDifference::describe).toList();
    }

    private static void compareAll(ObjectPath parent, List<? extends SchemaObject> from,
            List<? extends SchemaObject> to, List<SchemaDifference> differences) {
        Map<Key, SchemaObject> before = byKindAndName(from);
        Map<Key, SchemaObject> after = byKindAndName(to);
        Set<Key> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (Key key : keys) {
            SchemaObject old = before.get(key);
            SchemaObject now = after.get(key);
            ObjectPath path = new ObjectPath(key.kind(), key.name(), parent);
            if (old == null) {
                differences.add(new SchemaDifference.Added(path, now));
            } else if (now == null) {
                differences.add(new SchemaDifference.Removed(path, old));
            } else if (!old.equals(now)) {
                compareOne(path, old, now, differences);
            }
        }
    }

    private static void compareOne(ObjectPath path, SchemaObject old, SchemaObject now,
            List<SchemaDifference> differences) {
        Map<String, String> newProperties = now.properties();
        old.properties().forEach((property, before) -> {
            String after = newProperties.get(property);
            if (!Objects.equals(before, after)) {
                differences.add(new SchemaDifference.Changed(path, property, before, after, old, now));
            }
        });
        if (old instanceof Table oldTable && now instanceof Table newTable
                && !columnOrderKept(oldTable.columnOrder(), newTable.columnOrder())) {
            differences.add(new SchemaDifference.Changed(path, COLUMN_ORDER, String.join(", ",
                    oldTable.columnOrder()), String.join(", ", newTable.columnOrder()), old, now));
        }
        compareAll(path, old.parts(), now.parts(), differences);
    }

    /** Whether {@code after} is {@code before} without the dropped columns, then the added ones. */
    static boolean columnOrderKept(List<String> before, List<String> after) {
        Set<String> kept = new HashSet<>(after);
        Set<String> old = new HashSet<>(before);
        List<String> reachable = Stream.concat(before.stream().filter(kept::contains),
                after.stream().filter(column -> !old.contains(column))).toList();
        return reachable.equals(after);
    }

    private static Map<Key, SchemaObject> byKindAndName(List<? extends SchemaObject> objects) {
        Map<Key, SchemaObject> map = new HashMap<>();
        for (SchemaObject object : objects) map.put(Key.of(object), object);
        return map;
    }
}
