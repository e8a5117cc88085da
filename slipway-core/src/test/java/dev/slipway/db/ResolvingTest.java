package dev.slipway.db;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** Resolves connection strings against an environment that holds only what a test gives it. */
abstract class ResolvingTest {
    @TempDir
    Path home;

    Environment env(String... variables) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            map.put(variables[i], variables[i + 1]);
        }
        return new Environment(map, home, "osuser");
    }

    /** Resolves {@code url} with the given variable name/value pairs; a warning fails the test. */
    ConnectionSpec resolve(String url, String... variables) {
        return ConnectionSpec.resolve(url, env(variables), warning -> {
            throw new AssertionError("unexpected warning: " + warning);
        });
    }

    static Optional<Secret> password(String value) {
        return Optional.of(new Secret(value));
    }
}
