package dev.slipway.sql;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A column's data type as written, such as {@code varchar(100)}, {@code timestamp with time zone} or
 * {@code int4[]}.
 *
 * @param at        the type's first token, for positions
 * @param schema    the schema the type was qualified with, or null ({@code pg_catalog} is dropped)
 * @param name      the type's words, lower-cased and joined by one space, without modifiers or array bounds,
 *                  e.g. {@code character varying} or {@code timestamp with time zone}
 * @param modifiers the type modifiers in parentheses as written, e.g. {@code ["100"]}; empty when there are none
 * @param array     whether it is an array type
 */
public record TypeName(Token at, String schema, String name, List<String> modifiers, boolean array) {
    /** Spellings of the same built-in type, to the name {@link #canonical()} returns. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"),
            Map.entry("int2", "smallint"), Map.entry("int8", "bigint"),
            Map.entry("serial4", "serial"), Map.entry("serial2", "smallserial"), Map.entry("serial8", "bigserial"),
            Map.entry("char", "character"), Map.entry("bpchar", "character"),
            Map.entry("national character", "character"), Map.entry("national char", "character"),
            Map.entry("nchar", "character"),
            Map.entry("varchar", "character varying"), Map.entry("char varying", "character varying"),
            Map.entry("national character varying", "character varying"),
            Map.entry("national char varying", "character varying"),
            Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"),
            Map.entry("float8", "double precision"), Map.entry("float4", "real"),
            Map.entry("decimal", "numeric"), Map.entry("bool", "boolean"));

    /** Checks that the parts are present. */
    public TypeName {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(name, "name");
        modifiers = List.copyOf(modifiers);
    }

    /**
     * {@return the built-in type's standard name whatever the spelling: {@code integer}, {@code smallint},
     * {@code bigint}, {@code serial}, {@code smallserial}, {@code bigserial}, {@code character},
     * {@code character varying}, {@code timestamp}, {@code timestamptz}, ...; a type from another schema keeps its
     * name qualified}
     */
    public String canonical() {
        if (schema != null) return schema + "." + name;
        return ALIASES.getOrDefault(name, name);
    }

    /** {@return whether this is one of the serial pseudo-types, whose default draws from a new sequence} */
    public boolean isSerial() {
        String type = canonical();
        return !array && (type.equals("serial") || type.equals("smallserial") || type.equals("bigserial"));
    }

    /** {@return the type as written, normalised: e.g. {@code character varying(100)[]}} */
    @Override
    public String toString() {
        String base = schema == null ? name : schema + "." + name;
        return base + (modifiers.isEmpty() ? "" : "(" + String.join(",", modifiers) + ")") + (array ? "[]" : "");
    }
}
