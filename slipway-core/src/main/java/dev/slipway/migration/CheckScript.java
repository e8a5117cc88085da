package dev.slipway.migration;

import java.util.Objects;

/**
 * A verification query file next to a migration, named after it with {@code .check.sql} for {@code .sql}
 * ({@code V3__add_x.check.sql} checks what {@code V3__add_x.sql} did). Not a migration: the scanner sets it aside for
 * {@code slipway verify}, which runs it once its migration is applied.
 *
 * @param location the file as named in messages, e.g. {@code db/migration/V3__add_x.check.sql}
 * @param source   reads the text when the check runs
 */
public record CheckScript(String location, ScriptSource source) {
    /** The suffix that marks a check file. */
    public static final String SUFFIX = ".check.sql";

    /** Checks both parts are present and the name ends in {@value #SUFFIX}. */
    public CheckScript {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(source, "source");
        if (!isCheck(location)) throw new IllegalArgumentException("not a check file: " + location);
    }

    /** {@return whether a file name or path names a check file} */
    public static boolean isCheck(String fileName) {
        return fileName.endsWith(SUFFIX) && fileName.length() > SUFFIX.length()
                && fileName.charAt(fileName.length() - SUFFIX.length() - 1) != '/';
    }

    /** {@return the location of the migration this file checks: the same path with {@code .sql} for the suffix} */
    public String migrationLocation() {
        return location.substring(0, location.length() - SUFFIX.length()) + ".sql";
    }
}
