package dev.slipway.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Looks a password up in a libpq password file ({@code ~/.pgpass} or {@code PGPASSFILE}).
 * <p>Lines are {@code host:port:database:user:password}; a field that is exactly {@code *} matches anything,
 * {@code \:} and {@code \\} escape, lines starting with {@code #} are comments, and the first matching line wins.
 * As libpq does, a file that group or others may read is ignored with a warning. Stateless.
 */
final class PassFile {
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PassFile() {
    }

    /**
     * {@return the password of the first line matching the connection, empty when the file is missing, unsafe or
     * has no match}
     *
     * @param warnings receives why an existing file was ignored
     */
    static Optional<Secret> lookup(Path file, String host, int port, String database, String user,
                                   Consumer<String> warnings) {
        if (!Files.exists(file)) return Optional.empty();
        if (!Files.isRegularFile(file)) {
            warnings.accept("password file " + file + " is not a plain file; it is ignored");
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                warnings.accept("password file " + file + " has group or world access, so it is ignored;"
                        + " permissions should be u=rw (0600) or less: chmod 600 " + file);
                return Optional.empty();
            }
        } catch (UnsupportedOperationException notPosix) {
            // libpq skips the check where the file system has no such permissions (Windows)
        } catch (IOException e) {
            warnings.accept("password file " + file + " could not be checked (" + e.getMessage() + "); it is ignored");
            return Optional.empty();
        }
        try {
            return find(Files.readAllLines(file, StandardCharsets.UTF_8), host, port, database, user);
        } catch (IOException e) {
            warnings.accept("password file " + file + " could not be read (" + e.getMessage() + "); it is ignored");
            return Optional.empty();
        }
    }

    /** {@return the password of the first of {@code lines} that matches} */
    static Optional<Secret> find(List<String> lines, String host, int port, String database, String user) {
        List<String> wanted = List.of(host, Integer.toString(port), database, user);
        for (String line : lines) {
            if (line.isEmpty() || line.startsWith("#")) continue;
            List<Field> fields = fields(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            if (fields.size() < 5) continue;
            boolean matches = true;
            for (int i = 0; i < 4 && matches; i++) {
                matches = fields.get(i).matches(wanted.get(i));
            }
            if (matches) {
                String password = fields.get(4).value();
                return password.isEmpty() ? Optional.empty() : Optional.of(new Secret(password));
            }
        }
        return Optional.empty();
    }

    /** Splits a line at unescaped colons; a password ends at the next unescaped colon, as in libpq. */
    private static List<Field> fields(String line) {
        List<Field> fields = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean escaped = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                value.append(line.charAt(++i));
                escaped = true;
            } else if (c == ':') {
                fields.add(new Field(value.toString(), escaped));
                value.setLength(0);
                escaped = false;
            } else {
                value.append(c);
            }
        }
        fields.add(new Field(value.toString(), escaped));
        return fields;
    }

    /** One field of a line; {@code escaped} tells a literal {@code \*} from the wildcard. */
    private record Field(String value, boolean escaped) {
        boolean matches(String wanted) {
            return (value.equals("*") && !escaped) || value.equals(wanted);
        }
    }
}
