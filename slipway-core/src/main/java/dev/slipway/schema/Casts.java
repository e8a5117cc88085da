package dev.slipway.schema;

import java.util.List;
import java.util.Set;

/**
 * Which column type changes a plain cast ({@code USING col::newtype}) can make, judged from the type names alone:
 * the same type with another length or precision, any type to or from a string type, within the number types, within
 * the date and time types, between boolean and integer, between json and jsonb, and arrays of such. Other changes go
 * through {@code text}, which PostgreSQL can always parse but which fails for values the new type reads differently.
 */
final class Casts {
    private static final Set<String> STRINGS = Set.of("text", "character varying", "character", "\"char\"", "name");
    private static final List<Set<String>> FAMILIES = List.of(
            Set.of("smallint", "integer", "bigint", "numeric", "real", "double precision"),
            Set.of("date", "timestamp without time zone", "timestamp with time zone"),
            Set.of("time without time zone", "time with time zone", "interval"),
            Set.of("boolean", "integer"),
            Set.of("json", "jsonb"));

    private Casts() {
    }

    /** {@return whether a value of type {@code from} converts to {@code to} with a plain cast} */
    static boolean direct(String from, String to) {
        boolean fromArray = from.endsWith("[]");
        if (fromArray != to.endsWith("[]")) return false;
        String source = base(from);
        String target = base(to);
        if (source.equals(target) || STRINGS.contains(source) || STRINGS.contains(target)) return true;
        return FAMILIES.stream().anyMatch(family -> family.contains(source) && family.contains(target));
    }

    /** The type without array brackets and without its length or precision, e.g. {@code character varying}. */
    private static String base(String type) {
        String element = type.endsWith("[]") ? type.substring(0, type.length() - 2) : type;
        int modifier = element.indexOf('(');
        if (modifier < 0) return element;
        String head = element.substring(0, modifier).strip();
        int close = element.indexOf(')', modifier);
        return (head + element.substring(close + 1)).strip();
    }
}
