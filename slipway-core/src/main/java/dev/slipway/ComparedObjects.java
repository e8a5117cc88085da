package dev.slipway;

import dev.slipway.schema.ObjectPath;
import dev.slipway.schema.SchemaModel;
import dev.slipway.schema.SchemaObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Counts what a comparison looked at: the objects and parts of two models, each counted once. */
final class ComparedObjects {
    private ComparedObjects() {
    }

    static int count(SchemaModel first, SchemaModel second) {
        Set<ObjectPath> paths = new HashSet<>();
        collect(null, first.objects(), paths);
        collect(null, second.objects(), paths);
        return paths.size();
    }

    private static void collect(ObjectPath parent, List<? extends SchemaObject> objects, Set<ObjectPath> paths) {
        for (SchemaObject object : objects) {
            ObjectPath path = parent == null ? ObjectPath.of(object) : parent.child(object);
            paths.add(path);
            collect(path, object.parts(), paths);
        }
    }
}
