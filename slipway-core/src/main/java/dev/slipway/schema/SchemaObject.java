package dev.slipway.schema;

import java.util.List;
import java.util.Map;

/**
 * One object of a {@link SchemaModel}, or one part of such an object (a table's column, a domain's check).
 * <p>{@link #properties()} is what a comparison looks at, property by property; {@link #parts()} are compared as
 * objects of their own, matched by kind and name. Implementations are immutable records.
 */
public sealed interface SchemaObject permits Schema, Extension, EnumType, Domain, DomainCheck, CompositeType,
        Attribute, Sequence, Table, Column, Constraint, Index, Trigger, Policy, View, Routine {

    /** {@return what kind of object this is} */
    ObjectKind kind();

    /**
     * {@return the name that identifies the object among its kind: schema-qualified for objects in a schema
     * ({@code public.orders}, a routine with its argument types), the plain name for parts ({@code status})}
     */
    String name();

    /**
     * {@return the compared properties in display order, each rendered as text; a value is {@code null} when the
     * object has no such property (no default, no comment)}
     */
    Map<String, String> properties();

    /** {@return the parts compared one by one, in a stable order; none for most kinds} */
    default List<SchemaObject> parts() {
        return List.of();
    }
}
