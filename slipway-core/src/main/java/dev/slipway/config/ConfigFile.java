package dev.slipway.config;

import dev.slipway.db.Environment;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * The file being loaded, what is needed to point into it, and the environment its variables come from.
 *
 * @param file the path as the user gave it, for messages
 * @param lines where keys are written
 * @param env the environment for {@code ${VAR}} expansion
 */
record ConfigFile(Path file, TomlLines lines, Environment env) {
    /** {@return an exception for {@code message} about the key at {@code path}, prefixed with file and line} */
    ConfigException problem(List<String> path, String message) {
        OptionalInt line = lines.line(path);
        return new ConfigException(file + (line.isPresent() ? ":" + line.getAsInt() : "") + ": " + message);
    }
}
