package dev.slipway.migration;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where migrations are looked for.
 * <p>Written as text in {@code slipway.toml} and on the command line: {@code db/migration} and
 * {@code filesystem:db/migration} are folders, {@code classpath:db/migration} is a resource folder (and Java package
 * {@code db.migration}) on the class path, and {@code classes:build/libs/app.jar} is a jar or class folder whose
 * Java migrations are loaded by the caller's class loader (see {@link MigrationScanner#classLoaderFor}).
 * A bare path is a folder, not a class path entry as in Flyway, because the command line is run in the project's
 * folder where {@code db/migration} is a directory.
 */
public sealed interface Location {

    /** {@code db/migration} in the current directory: used when nothing is configured; may be missing. */
    Location DEFAULT = new Filesystem(Path.of("db/migration"));

    /** {@code classpath:db/migration}, the default of an application that ships its migrations in its jar. */
    Location DEFAULT_CLASSPATH = new Classpath("db/migration");

    /**
     * A folder on the file system, scanned recursively for SQL migrations.
     *
     * @param dir the folder, as the user gave it (relative paths are resolved against the working directory)
     */
    record Filesystem(Path dir) implements Location {
        /** Checks the folder is given. */
        public Filesystem {
            Objects.requireNonNull(dir, "dir");
        }

        @Override
        public String toString() {
            return "filesystem:" + dir;
        }
    }

    /**
     * A resource folder on the class path, scanned recursively in folders and jars for SQL migrations and for Java
     * migrations in the matching package.
     *
     * @param path the resource path without leading or trailing slash, e.g. {@code db/migration}
     */
    record Classpath(String path) implements Location {
        /** Normalises the path to have no leading or trailing slash. */
        public Classpath {
            Objects.requireNonNull(path, "path");
            path = trimSlashes(path.replace('\\', '/'));
            if (path.isEmpty()) {
                throw new IllegalArgumentException("a class path location needs a folder, e.g. classpath:db/migration");
            }
        }

        /** {@return the Java package that the path names, e.g. {@code db.migration}} */
        public String packageName() {
            return path.replace('/', '.');
        }

        @Override
        public String toString() {
            return "classpath:" + path;
        }
    }

    /**
     * A jar or class folder holding compiled Java migrations in any package; only classes are read from it.
     *
     * @param path the jar file or the root folder of the classes
     */
    record Classes(Path path) implements Location {
        /** Checks the path is given. */
        public Classes {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String toString() {
            return "classes:" + path;
        }
    }

    /**
     * Reads a location as written in configuration.
     *
     * @param text {@code db/migration}, {@code filesystem:db/migration}, {@code classpath:db/migration} or
     *             {@code classes:build/libs/app.jar}
     * @return the location
     * @throws IllegalArgumentException for an empty location or an unknown prefix; the message lists the forms
     */
    static Location parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        if (trimmed.isEmpty()) throw new IllegalArgumentException("empty migration location; " + forms());
        int colon = trimmed.indexOf(':');
        // A one-letter prefix is a Windows drive (C:\migrations), not a scheme.
        if (colon <= 1) return new Filesystem(Path.of(trimmed));
        String scheme = trimmed.substring(0, colon);
        String rest = trimmed.substring(colon + 1);
        if (rest.isBlank()) throw new IllegalArgumentException("migration location '" + text + "' has no path");
        return switch (scheme) {
            case "filesystem" -> new Filesystem(Path.of(rest));
            case "classpath" -> new Classpath(rest);
            case "classes" -> new Classes(Path.of(rest));
            default -> throw new IllegalArgumentException("unknown migration location prefix '" + scheme + ":' in '"
                    + text + "'; " + forms());
        };
    }

    /**
     * {@return a location for a jar or class folder of compiled Java migrations}
     *
     * @param jarOrFolder the jar file, or the root folder of the compiled classes
     */
    static Location javaClasses(Path jarOrFolder) {
        return new Classes(jarOrFolder);
    }

    /**
     * {@return whether this is a default location, which may be missing without error} A project that has not written
     * its first migration yet is normal; any other missing location is probably a typo that would apply nothing.
     */
    default boolean isDefault() {
        if (this.equals(DEFAULT_CLASSPATH)) return true;
        if (!(this instanceof Filesystem filesystem)) return false;
        Path dir = filesystem.dir().normalize();
        Path defaultDir = ((Filesystem) DEFAULT).dir();
        return dir.equals(defaultDir) || dir.equals(defaultDir.toAbsolutePath());
    }

    private static String forms() {
        return "expected db/migration, filesystem:db/migration, classpath:db/migration or classes:app.jar";
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
