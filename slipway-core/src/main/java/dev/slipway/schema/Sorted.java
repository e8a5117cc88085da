package dev.slipway.schema;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Immutable copies sorted by a text key, compared by code point so the order never depends on a database's collation
 * or the JVM's locale.
 */
final class Sorted {
    private Sorted() {
    }

    /** Computes each key once: keys such as quoted names are not free and a sort asks for them many times. */
    static <T> List<T> by(List<T> items, Function<T, String> key) {
        return items.stream().map(item -> Map.entry(key.apply(item), item)).sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue).toList();
    }
}
