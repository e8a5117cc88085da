package dev.slipway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One table of the parsed TOML tree with typed, checked access to its keys. Every problem names the file, the line
 * and the full key path. String values have their {@code ${VAR}} references expanded.
 */
final class TomlTable {
    private final ConfigFile file;
    private final List<String> path;
    private final ObjectNode node;
    /** Where unset variables are collected instead of thrown; null when they fail at once. */
    private final List<ConfigException> unsetVariables;

    private TomlTable(ConfigFile file, List<String> path, ObjectNode node, List<ConfigException> unsetVariables) {
        this.file = file;
        this.path = List.copyOf(path);
        this.node = node;
        this.unsetVariables = unsetVariables;
    }

    /** {@return the top-level table of a file} */
    static TomlTable root(ConfigFile file, ObjectNode node) {
        return new TomlTable(file, List.of(), node, null);
    }

    /**
     * {@return this table, reading an unset variable as an empty string and keeping its problem for
     * {@link #firstUnsetVariable()}}
     * <p>For sections that matter only when chosen, such as one environment: a variable that only production sets
     * must not stop a command aimed at staging.
     */
    TomlTable deferringUnsetVariables() {
        return new TomlTable(file, path, node, new ArrayList<>());
    }

    /** {@return the problem of the first unset variable read from this table or its sub-tables, if deferring} */
    Optional<ConfigException> firstUnsetVariable() {
        return unsetVariables == null || unsetVariables.isEmpty() ? Optional.empty()
                : Optional.of(unsetVariables.get(0));
    }

    /**
     * Fails on the first key that is not one of {@code known}, suggesting the closest known key, so a typo never
     * passes silently as a default.
     */
    void requireOnly(Collection<String> known) {
        for (String key : (Iterable<String>) node::fieldNames) {
            if (known.contains(key)) continue;
            Optional<String> suggestion = ClosestName.closest(key, known);
            String what = path.isEmpty() && node.get(key).isObject() ? "section [" + key + "]" : "key " + pathOf(key);
            String advice = suggestion.map(s -> "did you mean " + (path.isEmpty() && node.get(key).isObject()
                            ? "[" + s + "]" : pathOf(s)) + "?")
                    .orElse((path.isEmpty() ? "known sections: " : "known keys in [" + KeyPaths.of(path) + "]: ")
                            + String.join(", ", known));
            throw problem(key, "unknown " + what + "; " + advice);
        }
    }

    /** {@return the keys of this table, in file order} */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** {@return true when {@code key} holds a table} */
    boolean isTable(String key) {
        return node.get(key) != null && node.get(key).isObject();
    }

    /** {@return the sub-table at {@code key}} */
    Optional<TomlTable> table(String key) {
        return value(key, "a table", JsonNode::isObject)
                .map(value -> new TomlTable(file, append(key), (ObjectNode) value, unsetVariables));
    }

    /** {@return the sub-tables of this table by key, in file order; every value must be a table} */
    Map<String, TomlTable> tables() {
        Map<String, TomlTable> tables = new LinkedHashMap<>();
        for (String key : keys()) {
            tables.put(key, table(key).orElseThrow());
        }
        return tables;
    }

    /** {@return the string at {@code key}, with variables expanded} */
    Optional<String> string(String key) {
        return value(key, "a string", JsonNode::isTextual).map(value -> expand(key, value.textValue()));
    }

    /** {@return the strings at {@code key}: an array of strings, or a single string as a list of one} */
    Optional<List<String>> strings(String key) {
        Optional<JsonNode> value = value(key, "an array of strings",
                candidate -> candidate.isTextual() || candidate.isArray());
        if (value.isEmpty()) return Optional.empty();
        if (value.get().isTextual()) return Optional.of(List.of(expand(key, value.get().textValue())));
        List<String> strings = new ArrayList<>();
        for (JsonNode element : value.get()) {
            if (!element.isTextual()) {
                throw problem(key, pathOf(key) + " must be an array of strings, but holds " + typeOf(element));
            }
            strings.add(expand(key, element.textValue()));
        }
        return Optional.of(strings);
    }

    /** {@return the boolean at {@code key}} */
    Optional<Boolean> bool(String key) {
        return value(key, "true or false", JsonNode::isBoolean).map(JsonNode::booleanValue);
    }

    /** {@return the whole number at {@code key}, which must lie in {@code min..max}} */
    Optional<Integer> integer(String key, int min, int max) {
        Optional<JsonNode> value = value(key, "a whole number", JsonNode::isIntegralNumber);
        if (value.isPresent() && (!value.get().canConvertToInt() || value.get().intValue() < min
                || value.get().intValue() > max)) {
            throw problem(key, pathOf(key) + " must be between " + min + " and " + max + ", not " + value.get());
        }
        return value.map(JsonNode::intValue);
    }

    /** {@return the duration at {@code key}: a string such as {@code "3s"}, or the number 0} */
    Optional<Duration> duration(String key) {
        Optional<JsonNode> value = value(key, "a duration such as \"3s\"",
                candidate -> candidate.isTextual() || (candidate.isIntegralNumber() && candidate.intValue() == 0));
        return value.map(v -> v.isTextual() ? at(key, () -> Durations.parse(expand(key, v.textValue())))
                : Duration.ZERO);
    }

    /**
     * {@return what {@code build} returns; its {@link ConfigException} is re-thrown with the position of {@code key}}
     * <p>For parsing one value whose parser does not know the file.
     */
    <T> T at(String key, Supplier<T> build) {
        try {
            return build.get();
        } catch (ConfigException e) {
            throw problem(key, pathOf(key) + ": " + e.getMessage());
        }
    }

    /**
     * {@return what {@code build} returns; its {@link ConfigException} is re-thrown with this table's position}
     * <p>For building a section's record from values already read, whose checks do not know the file.
     */
    <T> T build(Supplier<T> build) {
        try {
            return build.get();
        } catch (ConfigException e) {
            throw file.problem(path, e.getMessage());
        }
    }

    /** {@return an exception about {@code key} of this table} */
    ConfigException problem(String key, String message) {
        return file.problem(append(key), message);
    }

    /** {@return the full dotted path of {@code key} in this table} */
    String pathOf(String key) {
        return KeyPaths.of(append(key));
    }

    private Optional<JsonNode> value(String key, String expected, Predicate<JsonNode> accepts) {
        JsonNode value = node.get(key);
        if (value == null) return Optional.empty();
        if (!accepts.test(value)) {
            // the value itself is not shown: it may be a URL with a password
            throw problem(key, pathOf(key) + " must be " + expected + ", not " + typeOf(value));
        }
        return Optional.of(value);
    }

    private String expand(String key, String text) {
        try {
            return VariableExpander.expand(text, file.env());
        } catch (VariableExpander.Unset e) {
            if (unsetVariables == null) throw problem(key, pathOf(key) + " " + e.getMessage());
            unsetVariables.add(problem(key, pathOf(key) + " " + e.getMessage()));
            return "";
        } catch (VariableExpander.Problem e) {
            throw problem(key, pathOf(key) + " " + e.getMessage());
        }
    }

    private List<String> append(String key) {
        List<String> full = new ArrayList<>(path);
        full.add(key);
        return full;
    }

    private static String typeOf(JsonNode value) {
        if (value.isTextual()) return "a string";
        if (value.isBoolean()) return "a boolean";
        if (value.isNumber()) return "a number";
        if (value.isArray()) return "an array";
        if (value.isObject()) return "a table";
        return "a " + value.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
