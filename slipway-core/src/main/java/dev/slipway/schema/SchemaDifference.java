package dev.slipway.schema;

/**
 * One difference between two {@link SchemaModel}s, as {@link SchemaComparison#compare} names it: an object only in
 * the second model, only in the first, or in both with one property changed. Each carries the whole objects involved,
 * so that DDL turning the first schema into the second can be printed from the differences alone.
 */
public sealed interface SchemaDifference {

    /** {@return where the object is} */
    ObjectPath path();

    /** {@return added, removed or changed} */
    Change change();

    /** {@return a readable one-line description, e.g. {@code table public.orders: column status: type text -> x}} */
    String describe();

    /** The three kinds of difference. */
    enum Change { ADDED, REMOVED, CHANGED }

    /**
     * An object only in the second model.
     *
     * @param path   where it is
     * @param object the object as the second model has it
     */
    record Added(ObjectPath path, SchemaObject object) implements SchemaDifference {
        @Override
        public Change change() {
            return Change.ADDED;
        }

        @Override
        public String describe() {
            return path + " added";
        }
    }

    /**
     * An object only in the first model.
     *
     * @param path   where it is
     * @param object the object as the first model has it
     */
    record Removed(ObjectPath path, SchemaObject object) implements SchemaDifference {
        @Override
        public Change change() {
            return Change.REMOVED;
        }

        @Override
        public String describe() {
            return path + " removed";
        }
    }

    /**
     * One property of an object that both models have, with different values.
     *
     * @param path     where it is
     * @param property the property's name as {@link SchemaObject#properties()} has it, or {@code column order}
     * @param before   its value in the first model, {@code null} when absent there
     * @param after    its value in the second model, {@code null} when absent there
     * @param from     the whole object in the first model
     * @param to       the whole object in the second model
     */
    record Changed(ObjectPath path, String property, String before, String after, SchemaObject from,
            SchemaObject to) implements SchemaDifference {
        private static final int SHORT = 80;

        @Override
        public Change change() {
            return Change.CHANGED;
        }

        /** Long or multi-line values (function bodies, view queries) are named, not printed. */
        @Override
        public String describe() {
            if (!fitsOnALine(before) || !fitsOnALine(after)) return path + ": " + property + " changed";
            return path + ": " + property + " " + shown(before) + " -> " + shown(after);
        }

        private static boolean fitsOnALine(String value) {
            return value == null || value.length() <= SHORT && value.indexOf('\n') < 0;
        }

        private static String shown(String value) {
            return value == null ? "none" : value;
        }
    }
}
