package dev.slipway.backup;

import dev.slipway.db.ConnectionSpec;
import dev.slipway.db.Environment;
import dev.slipway.db.PasswordRedactor;
import dev.slipway.db.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment the PostgreSQL programs run in: the process's variables, with the password handed over in a
 * temporary password file ({@code PGPASSFILE}, mode 0600, in a folder only this user can enter) rather than on a
 * command line, where every user of the machine could read it in {@code /proc/<pid>/cmdline}. {@code PGPASSWORD}
 * is removed, so the file is what libpq uses. {@link #close()} deletes the file. The folder's name records this
 * process ({@code slipway-pgpass-<pid>-<start>@<host>-<random>}), so that a later run removes the folders of a run
 * that was killed before it could (see {@link PartialOwner#gone()}). Not thread-safe.
 */
final class ClientEnvironment implements AutoCloseable {
    private static final String PREFIX = "slipway-pgpass-";
    private static final Pattern STALE = Pattern.compile("^" + PREFIX
            + "(\\d{1,10})-(\\d{1,12})@([A-Za-z0-9._-]+)-\\d+$");
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
        sweepStale(Path.of(System.getProperty("java.io.tmpdir")));
        try {
            Path folder = Files.createTempDirectory(PREFIX + PartialOwner.current().nameTag() + "-",
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

    /**
     * Removes the password folders, in {@code temporaryFolder}, of runs of this user on this host that were killed
     * before they could remove them; a running one's is kept. Best effort: what cannot be read or removed stays.
     *
     * @return the folders removed
     */
    static List<Path> sweepStale(Path temporaryFolder) {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(temporaryFolder, PREFIX + "*")) {
            for (Path folder : folders) {
                Matcher name = STALE.matcher(folder.getFileName().toString());
                if (!name.matches()) continue;
                PartialOwner owner = new PartialOwner(Long.parseLong(name.group(1)), Long.parseLong(name.group(2)),
                        name.group(3));
                if (!owner.gone()) continue;
                try {
                    Files.deleteIfExists(folder.resolve("pgpass"));
                    Files.delete(folder);
                    removed.add(folder);
                } catch (IOException e) {
                    // another user's, or not empty: not ours to judge
                }
            }
        } catch (IOException e) {
            // the temporary folder cannot be listed: nothing to sweep
        }
        return removed;
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
