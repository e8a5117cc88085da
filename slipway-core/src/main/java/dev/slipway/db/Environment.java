package dev.slipway.db;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The process environment that connection and configuration logic reads: variables, the home directory and the
 * operating-system user name.
 * <p>Logic takes an {@code Environment} instead of calling {@link System#getenv()}, so tests and embedding
 * applications choose exactly what it sees. Immutable and thread-safe.
 *
 * @param variables environment variables by name
 * @param home the user's home directory, where {@code .pgpass} is looked for
 * @param osUser the operating-system user name, libpq's default database user
 */
public record Environment(Map<String, String> variables, Path home, String osUser) {
    /** Copies the variables and checks that nothing is null. */
    public Environment {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(osUser, "osUser");
    }

    /** {@return the environment of this process} */
    public static Environment system() {
        return new Environment(System.getenv(), Path.of(System.getProperty("user.home")),
                System.getProperty("user.name"));
    }

    /**
     * {@return the value of a variable, empty when it is unset or set to the empty string}
     * <p>An empty value counts as unset, as it does for most of libpq's variables, so {@code PGHOST=} in a CI file
     * does not become a host named "".
     */
    public Optional<String> variable(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** {@return a copy with one variable set, or removed when {@code value} is null} */
    public Environment withVariable(String name, String value) {
        Map<String, String> copy = new HashMap<>(variables);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new Environment(copy, home, osUser);
    }

    /** {@return the home directory and user, but not the variables, which may hold passwords} */
    @Override
    public String toString() {
        return "Environment[home=" + home + ", osUser=" + osUser + ", " + variables.size() + " variables]";
    }
}
