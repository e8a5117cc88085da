package dev.slipway.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Immutable copies sorted by a text key, compared by code point so the order never depends on a database's collation
 * or the JVM's locale.
 */
final class Sorted {
    private Sorted() {
    }

    static <T> List<T> by(List<T> items, Function<T, String> key) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing(key));
        return List.copyOf(copy);
    }
}
