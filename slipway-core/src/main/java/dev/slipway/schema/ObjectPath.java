package dev.slipway.schema;

/**
 * Where an object is: its kind and name, and for a part (a column, a constraint) the object it belongs to.
 * Its text form is how messages name it, e.g. {@code table public.orders: column status}.
 *
 * @param kind   the object's kind
 * @param name   its name as {@link SchemaObject#name()} gives it
 * @param parent the object it is part of, or {@code null} for a top-level object
 */
public record ObjectPath(ObjectKind kind, String name, ObjectPath parent) {
    /** {@return the path of a top-level object} */
    public static ObjectPath of(SchemaObject object) {
        return new ObjectPath(object.kind(), object.name(), null);
    }

    /** {@return the path of {@code part}, a part of the object at this path} */
    public ObjectPath child(SchemaObject part) {
        return new ObjectPath(part.kind(), part.name(), this);
    }

    @Override
    public String toString() {
        String self = kind.label() + " " + name;
        return parent == null ? self : parent + ": " + self;
    }
}
