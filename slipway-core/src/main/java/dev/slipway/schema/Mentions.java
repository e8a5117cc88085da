package dev.slipway.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds which objects a definition names. The reader prints definitions with an empty {@code search_path}, so every
 * table, view, type and function in them is schema-qualified: finding {@code app.orders} as a whole name in a view's
 * query means the view uses that table. A name inside a string literal counts too, which only makes a view be
 * rebuilt when it need not be.
 */
final class Mentions {
    private Mentions() {
    }

    /** {@return whether {@code text} names {@code qualifiedName} (as {@link SchemaObject#name()} prints it)} */
    static boolean names(String text, String qualifiedName) {
        if (text == null) return false;
        return Pattern.compile("(?<![\\w.\"$])" + Pattern.quote(qualifiedName) + "(?![\\w\"$])").matcher(text).find();
    }

    /** {@return whether {@code text} names any of {@code qualifiedNames}} */
    static boolean namesAny(String text, Collection<String> qualifiedNames) {
        for (String name : qualifiedNames) {
            if (names(text, name)) return true;
        }
        return false;
    }

    /** {@return the qualified name of a routine without its arguments, as it appears in a call} */
    static String routineCall(Routine routine) {
        return dev.slipway.db.PgIdentifiers.qualified(routine.schema(), routine.routineName());
    }

    /**
     * {@return the views in an order where each comes after the views it names; a view naming none of the others
     * keeps its place}
     */
    static List<View> inDependencyOrder(List<View> views) {
        Map<String, View> byName = new LinkedHashMap<>();
        for (View view : views) byName.put(view.name(), view);
        Set<String> placed = new LinkedHashSet<>();
        List<View> ordered = new ArrayList<>();
        for (View view : views) place(view, byName, placed, new LinkedHashSet<>(), ordered);
        return ordered;
    }

    private static void place(View view, Map<String, View> byName, Set<String> placed, Set<String> visiting,
            List<View> ordered) {
        if (placed.contains(view.name()) || !visiting.add(view.name())) return;
        for (View other : byName.values()) {
            if (other != view && names(view.definition(), other.name())) {
                place(other, byName, placed, visiting, ordered);
            }
        }
        placed.add(view.name());
        ordered.add(view);
    }
}
