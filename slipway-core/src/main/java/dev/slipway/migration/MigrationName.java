package dev.slipway.migration;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a migration's file or class name says: its type, version and description.
 * <p>Two naming styles are understood. Flyway's: {@code V<version>__<description>.sql} (versioned),
 * {@code U<version>__<description>.sql} (its down), {@code R__<description>.sql} (repeatable) and
 * {@code B<version>__<description>.sql} (baseline), where the description starts after the first {@code __} and
 * its underscores read as spaces, as Flyway shows it. golang-migrate's: {@code <digits>_<name>.up.sql} and
 * {@code <digits>_<name>.down.sql}. Java classes use Flyway's form without the suffix ({@code V3__Backfill_names}).
 *
 * @param type        what the migration does
 * @param version     its version; {@code null} exactly when the type is {@link MigrationType#REPEATABLE}
 * @param description the description as shown to users (underscores become spaces)
 * @param fileName    the file name, or the binary class name of a Java migration
 */
public record MigrationName(MigrationType type, Version version, String description, String fileName) {
    private static final Pattern GOLANG = Pattern.compile("(\\d+)_(.*)\\.(up|down)\\.sql");
    private static final Pattern DIGITS_FIRST = Pattern.compile("(\\d+)(?:[_.\\-](.*))?");
    private static final Pattern VERSION_THEN_ONE_UNDERSCORE = Pattern.compile("(\\d+(?:[._]\\d+)*?)_([^\\d].*)");
    private static final Pattern CALLBACK = Pattern.compile("(before|after)[A-Z][A-Za-z]*(__.*)?");
    /** Why a Flyway callback script is skipped: what it did under Flyway no longer happens, so it is said aloud. */
    static final String CALLBACK_NOT_RUN = "a Flyway callback script of an event Slipway does not run (it runs"
            + " beforeMigrate and afterMigrate only): what it did under Flyway no longer happens; move it to"
            + " beforeMigrate.sql or afterMigrate.sql, to hooks.before or hooks.after in slipway.toml, or to a"
            + " repeatable migration (R__...sql)";
    private static final String FORMS = "migrations are named V<version>__<description>.sql, U<version>__<description>"
            + ".sql, R__<description>.sql, B<version>__<description>.sql or <version>_<name>.up.sql / .down.sql";

    /** Checks the parts are present and that exactly the repeatable migrations have no version. */
    public MigrationName {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(fileName, "fileName");
        if ((type == MigrationType.REPEATABLE) != (version == null)) {
            throw new IllegalArgumentException(type == MigrationType.REPEATABLE
                    ? "a repeatable migration has no version: " + fileName
                    : "a " + type.name().toLowerCase(Locale.ROOT) + " migration needs a version: " + fileName);
        }
    }

    /**
     * Reads a file name.
     *
     * @param fileName the file name; a path is allowed, only its last segment counts
     * @return the migration it names, or why it is not one
     */
    public static NameParse parse(String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        if (!name.endsWith(".sql")) return parseNonSql(name);
        if (CheckScript.isCheck(name)) {
            return new NameParse.NotAMigration("a verification query of its migration, run by `slipway verify`");
        }

        Matcher golang = GOLANG.matcher(name);
        if (golang.matches()) return golang(golang, name);

        String stem = name.substring(0, name.length() - ".sql".length());
        if (stem.isEmpty()) return new NameParse.NotAMigration("an .sql file without a name; " + FORMS);
        char first = stem.charAt(0);
        if (first == 'V' || first == 'U' || first == 'B' || first == 'R') return prefixed(stem, name, ".sql");
        if (first == 'v' || first == 'u' || first == 'b' || first == 'r') return lowerCasePrefix(stem, name);
        Matcher digits = DIGITS_FIRST.matcher(stem);
        if (digits.matches()) {
            String upName = digits.group(2) == null
                    ? digits.group(1) + "_<name>.up.sql"
                    : digits.group(1) + "_" + digits.group(2) + ".up.sql";
            return new NameParse.Malformed("starts with a version but has neither Flyway's 'V' prefix nor "
                    + "golang-migrate's '.up.sql'/'.down.sql' suffix: rename it to " + upName
                    + " (a dbmate file with '-- migrate:up' and '-- migrate:down' sections must be split in two)");
        }
        if (CALLBACK.matcher(stem).matches()) return new NameParse.NotAMigration(CALLBACK_NOT_RUN);
        return new NameParse.NotAMigration("no migration prefix; " + FORMS);
    }

    /**
     * Reads the simple name of a Java migration class, such as {@code V3__Backfill_names}.
     *
     * @param simpleName the class's simple name
     * @param className  the binary class name, kept as {@link #fileName()}
     * @return the migration it names, or why it is not one
     */
    public static NameParse parseClassName(String simpleName, String className) {
        Objects.requireNonNull(simpleName, "simpleName");
        Objects.requireNonNull(className, "className");
        if (simpleName.isEmpty()) return new NameParse.NotAMigration("an anonymous class");
        char first = simpleName.charAt(0);
        if (first == 'V' || first == 'U' || first == 'B' || first == 'R') return prefixed(simpleName, className, "");
        return new NameParse.NotAMigration("no migration prefix: Java migrations are named V<version>__<Description>");
    }

    /** {@return whether this migration has a version (every type but repeatable)} */
    public boolean isVersioned() {
        return version != null;
    }

    private static NameParse parseNonSql(String name) {
        if (name.toLowerCase(Locale.ROOT).endsWith(".sql")) {
            String lowered = name.substring(0, name.length() - 4) + ".sql";
            if (parse(lowered) instanceof NameParse.Migration) {
                return new NameParse.Malformed("the suffix must be lower-case '.sql': rename it to " + lowered);
            }
        }
        if (name.endsWith(".sql.conf")) {
            return new NameParse.NotAMigration("a Flyway per-script configuration file; Slipway reads directives "
                    + "such as '-- slipway:no-transaction' in the script instead");
        }
        return new NameParse.NotAMigration("not an .sql file");
    }

    private static NameParse golang(Matcher golang, String name) {
        String digits = golang.group(1);
        Version version;
        try {
            version = Version.parse(digits);
        } catch (IllegalArgumentException e) {
            return new NameParse.Malformed(e.getMessage());
        }
        MigrationType type = golang.group(3).equals("up") ? MigrationType.VERSIONED : MigrationType.UNDO;
        return migration(type, version, golang.group(2), name);
    }

    /** Flyway's form, shared by files and classes; {@code suffix} is {@code .sql} or empty for a class. */
    private static NameParse prefixed(String stem, String fileName, String suffix) {
        char prefix = stem.charAt(0);
        String rest = stem.substring(1);
        if (prefix == 'R') return repeatable(rest, fileName, suffix);
        if (rest.isEmpty() || !(Character.isDigit(rest.charAt(0)) || rest.charAt(0) == '_')) {
            return new NameParse.NotAMigration("no migration prefix; " + FORMS);
        }
        int separator = rest.indexOf("__");
        if (separator < 0) return withoutSeparator(prefix, rest, suffix);
        if (separator == 0) {
            return new NameParse.Malformed("no version between '" + prefix + "' and '__': name it " + prefix
                    + "<version>__" + rest.substring(2) + suffix);
        }
        Version version;
        try {
            version = Version.parse(rest.substring(0, separator));
        } catch (IllegalArgumentException e) {
            return new NameParse.Malformed(e.getMessage() + " between '" + prefix + "' and '__'");
        }
        MigrationType type = switch (prefix) {
            case 'V' -> MigrationType.VERSIONED;
            case 'U' -> MigrationType.UNDO;
            case 'B' -> MigrationType.BASELINE;
            default -> throw new AssertionError(prefix);
        };
        return migration(type, version, rest.substring(separator + 2), fileName);
    }

    private static NameParse repeatable(String rest, String fileName, String suffix) {
        if (rest.startsWith("__")) {
            String description = rest.substring(2);
            if (description.isBlank()) {
                return new NameParse.Malformed("a repeatable migration needs a description: R__<description>"
                        + suffix);
            }
            return migration(MigrationType.REPEATABLE, null, description, fileName);
        }
        if (!rest.isEmpty() && Character.isDigit(rest.charAt(0))) {
            int separator = rest.indexOf("__");
            String description = separator < 0 ? "<description>" : rest.substring(separator + 2);
            return new NameParse.Malformed("a repeatable migration has no version: name it R__" + description
                    + suffix);
        }
        if (rest.startsWith("_")) {
            return new NameParse.Malformed("a repeatable migration starts with 'R__' (two underscores): rename it "
                    + "to R__" + rest.substring(1) + suffix);
        }
        return new NameParse.NotAMigration("no migration prefix; " + FORMS);
    }

    private static NameParse withoutSeparator(char prefix, String rest, String suffix) {
        Matcher oneUnderscore = VERSION_THEN_ONE_UNDERSCORE.matcher(rest);
        if (oneUnderscore.matches()) {
            return new NameParse.Malformed("needs two underscores between version and description: rename it to "
                    + prefix + oneUnderscore.group(1) + "__" + oneUnderscore.group(2) + suffix);
        }
        return new NameParse.Malformed("no '__' between version and description: name it " + prefix
                + "<version>__<description>" + suffix);
    }

    private static NameParse lowerCasePrefix(String stem, String name) {
        String upper = Character.toUpperCase(stem.charAt(0)) + name.substring(1);
        if (parse(upper) instanceof NameParse.Migration) {
            return new NameParse.Malformed("the prefix must be upper-case: rename it to " + upper);
        }
        return new NameParse.NotAMigration("no migration prefix; " + FORMS);
    }

    private static NameParse migration(MigrationType type, Version version, String rawDescription, String fileName) {
        // Flyway shows every underscore as a space; keeping that makes its history rows match ours.
        String description = rawDescription.replace('_', ' ');
        return new NameParse.Migration(new MigrationName(type, version, description, fileName));
    }
}
