package dev.slipway.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the ordered property maps of {@link SchemaObject#properties()}, which allow {@code null} values. */
final class Properties {
    private final Map<String, String> values = new LinkedHashMap<>();

    static Properties of() {
        return new Properties();
    }

    Properties put(String name, String value) {
        values.put(name, value);
        return this;
    }

    Properties flag(String name, boolean value) {
        return put(name, value ? "yes" : "no");
    }

    Properties list(String name, List<String> items) {
        return put(name, items.isEmpty() ? null : String.join(", ", items));
    }

    Map<String, String> build() {
        return Collections.unmodifiableMap(values);
    }
}
