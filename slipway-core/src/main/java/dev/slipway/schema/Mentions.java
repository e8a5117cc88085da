package dev.slipway.schema;

import dev.slipway.db.PgIdentifiers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds which objects a definition names. The reader prints definitions with an empty {@code search_path}, so every
 * table, view, type and function in them is schema-qualified: finding {@code app.orders} as a whole name in a view's
 * query means the view uses that table. A name inside a string literal counts too, which only makes a view be
 * rebuilt when it need not be.
 */
final class Mentions {
    private Mentions() {
    }

    /**
     * {@return whether {@code text} names {@code qualifiedName} (as {@link SchemaObject#name()} prints it): an
     * occurrence that no identifier character, dot, quote or dollar sign comes right before, and no identifier
     * character, quote or dollar sign right after ({@code app.orders.id} names {@code app.orders};
     * {@code app.orders_2} and {@code x.app.orders} do not)}. Called for every pair of views when the DDL is ordered,
     * so it searches with {@link String#indexOf} rather than a pattern compiled per call.
     */
    static boolean names(String text, String qualifiedName) {
        if (text == null || qualifiedName.isEmpty()) return false;
        for (int at = text.indexOf(qualifiedName); at >= 0; at = text.indexOf(qualifiedName, at + 1)) {
            int end = at + qualifiedName.length();
            boolean startsAlone = at == 0 || !(wordChar(text.charAt(at - 1)) || text.charAt(at - 1) == '.');
            if (startsAlone && (end == text.length() || !wordChar(text.charAt(end)))) return true;
        }
        return false;
    }

    /** {@return whether {@code c} continues a name: an ASCII letter, digit, underscore, quote or dollar sign} */
    private static boolean wordChar(char c) {
        return c == '_' || c == '"' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9');
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
        return PgIdentifiers.qualified(routine.schema(), routine.routineName());
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
