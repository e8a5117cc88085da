package dev.slipway.config;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Writes TOML key paths the way a user would type them: {@code environments.production.url}. Stateless. */
final class KeyPaths {
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_-]+");

    private KeyPaths() {
    }

    /** {@return the dotted path of {@code parts}, quoting parts that are not bare keys} */
    static String of(List<String> parts) {
        return parts.stream().map(KeyPaths::part).collect(Collectors.joining("."));
    }

    private static String part(String key) {
        return BARE.matcher(key).matches() ? key : "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
