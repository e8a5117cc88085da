package dev.slipway.backup;

import dev.slipway.db.ConnectionSpec;
import dev.slipway.db.Environment;
import dev.slipway.db.PasswordRedactor;
import dev.slipway.db.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment the PostgreSQL programs run in: the process's variables, with the password handed over in a
 * temporary password file ({@code PGPASSFILE}, mode 0600, in a folder only this user can enter) rather than on a
 * command line, where every user of the machine could read it in {@code /proc/<pid>/cmdline}. {@code PGPASSWORD}
 * is removed, so the file is what libpq uses. {@link #close()} deletes the file. Not thread-safe.
 */
final class ClientEnvironment implements AutoCloseable {
    private final Path folder;
    private final Path passFile;
    private final Map<String, String> variables;
    private final List<Secret> secrets;

    private ClientEnvironment(Path folder, Path passFile, Map<String, String> variables, List<Secret> secrets) {
        this.folder = folder;
        this.passFile = passFile;
        this.variables = Map.copyOf(variables);
        this.secrets = secrets;
    }

    /** {@return the environment for programs that connect as {@code spec} says} */
    static ClientEnvironment create(ConnectionSpec spec, Environment environment) {
        Map<String, String> variables = new HashMap<>(environment.variables());
        variables.remove("PGPASSWORD");
        if (spec.password().isEmpty()) return new ClientEnvironment(null, null, variables, List.of());
        try {
            Path folder = Files.createTempDirectory("slipway-pgpass-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path file = Files.createFile(folder.resolve("pgpass"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, "*:*:*:*:" + escape(spec.password().get().reveal()) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            variables.put("PGPASSFILE", file.toString());
            return new ClientEnvironment(folder, file, variables, List.of(spec.password().get()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a temporary password file: " + e.getMessage(), e);
        }
    }

    /** In a password file a backslash and a colon are escaped with a backslash. */
    private static String escape(String password) {
        return password.replace("\\", "\\\\").replace(":", "\\:");
    }

    /** {@return the variables for the program} */
    Map<String, String> variables() {
        return variables;
    }

    /** {@return the password file while it exists; empty when there is no password} */
    Optional<Path> passFile() {
        return Optional.ofNullable(passFile);
    }

    /** {@return {@code text} with the password masked, for messages that repeat a program's output} */
    String redact(String text) {
        return PasswordRedactor.redact(text, secrets);
    }

    /** Deletes the password file. */
    @Override
    public void close() {
        if (folder == null) return;
        try {
            Files.deleteIfExists(passFile);
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the temporary password file " + passFile, e);
        }
    }
}
