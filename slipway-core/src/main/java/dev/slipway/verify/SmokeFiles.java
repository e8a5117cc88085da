package dev.slipway.verify;

import dev.slipway.SlipwayException;
import dev.slipway.migration.CheckScript;
import dev.slipway.sql.SqlScript;
import dev.slipway.sql.SqlStatement;
import dev.slipway.sql.SqlSyntaxException;
import dev.slipway.sql.Token;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads smoke check files into queries, before anything connects: a file that cannot be split, or a statement that
 * is not a query, is bad input named by {@code file:line}.
 */
final class SmokeFiles {
    private static final Set<String> QUERY_KEYWORDS = Set.of("SELECT", "WITH", "VALUES", "TABLE");
    private static final int LONGEST_NAME = 70;

    private SmokeFiles() {
    }

    /**
     * {@return the queries of every {@code *.sql} file under {@code directory}, by path, then of the check files
     * next to migrations, in scan order}
     *
     * @param directory          the folder of smoke checks
     * @param required           whether a missing folder is an error (it was configured) rather than no checks
     * @param migrationChecks    the check files the migration scan found
     * @param migrationLocations the locations of the SQL migrations, to tie each check file to its migration
     */
    static List<SmokeQuery> load(Path directory, boolean required, List<CheckScript> migrationChecks,
            Collection<String> migrationLocations) {
        List<SmokeQuery> queries = new ArrayList<>();
        for (Path file : files(directory, required)) {
            queries.addAll(parse(display(file, directory), read(file, directory), null));
        }
        for (CheckScript check : migrationChecks) {
            if (!migrationLocations.contains(check.migrationLocation())) {
                throw SlipwayException.badInput("check file " + check.location() + " names no migration: there is"
                        + " no " + check.migrationLocation(), check.location(), "name it after its migration"
                        + " (V3__add_x.sql is checked by V3__add_x.check.sql), or move it to the checks folder");
            }
            String text;
            try {
                text = check.source().text();
            } catch (IOException e) {
                throw SlipwayException.badInput("could not read check file " + check.location() + ": "
                        + e.getMessage(), check.location(), "check that it is readable UTF-8 text");
            }
            queries.addAll(parse(check.location(), text, check.migrationLocation()));
        }
        return queries;
    }

    /** {@return the queries of one file's text} */
    static List<SmokeQuery> parse(String file, String text, String migration) {
        SqlScript script;
        try {
            script = SqlScript.parse(text);
        } catch (SqlSyntaxException e) {
            throw SlipwayException.badInput("check file " + file + " cannot be read as SQL: " + e.getMessage(),
                    file + ":" + e.line(), "fix the SQL; each statement of a check file is one query");
        }
        List<SmokeQuery> queries = new ArrayList<>();
        for (SqlStatement statement : script.statements()) {
            String where = file + ":" + statement.line();
            String first = statement.tokens().get(0).text().toUpperCase(java.util.Locale.ROOT);
            if (!QUERY_KEYWORDS.contains(first) && !first.equals("(")) {
                throw SlipwayException.badInput("a check is a query, but this statement starts with " + first,
                        where, "write a SELECT that returns the offending rows (none when all is well) or one"
                        + " true; checks run read-only");
            }
            queries.add(new SmokeQuery(where, name(statement), statement.text(), migration));
        }
        return queries;
    }

    /** The comment just above a query says what it checks; without one, its first line does. */
    private static String name(SqlStatement statement) {
        List<Token> comments = statement.leadingComments();
        int start = comments.size();
        // the last block of comments on consecutive lines: a file's header comment is not the query's name
        while (start > 0 && (start == comments.size() || comments.get(start - 1).endLine() + 1
                >= comments.get(start).line())) {
            start--;
        }
        String name = null;
        for (Token comment : comments.subList(start, comments.size())) {
            String text = comment.text().startsWith("--") ? comment.text().substring(2)
                    : comment.text().replaceAll("^/\\*+|\\*+/$", "");
            text = text.strip();
            if (!text.isEmpty() && !text.startsWith("slipway:")) {
                name = text.lines().findFirst().orElse(text).strip();
                break;
            }
        }
        if (name == null) name = statement.text().lines().findFirst().orElse("").strip();
        return name.length() > LONGEST_NAME ? name.substring(0, LONGEST_NAME - 3) + "..." : name;
    }

    private static List<Path> files(Path directory, boolean required) {
        if (!Files.isDirectory(directory)) {
            if (required || Files.exists(directory)) {
                throw SlipwayException.badInput("the checks folder " + directory + " does not exist or is not a"
                        + " folder", "[verify] checks_directory", "create it, or fix checks_directory in"
                        + " slipway.toml");
            }
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".sql"))
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw SlipwayException.badInput("could not list the checks folder " + directory + ": " + e.getMessage(),
                    "[verify] checks_directory", "check the folder's permissions");
        }
    }

    private static String read(Path file, Path directory) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SlipwayException.badInput("could not read check file " + display(file, directory) + ": "
                    + e.getMessage(), display(file, directory), "check that it is readable UTF-8 text");
        }
    }

    /**
     * Paths below the working directory are shown relative to it, as users type them; others from the checks
     * folder's own name on ({@code checks/orders.sql}).
     */
    private static String display(Path file, Path directory) {
        Path absolute = file.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        Path folder = directory.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(here) ? here.relativize(absolute)
                : folder.getParent() == null ? absolute : folder.getParent().relativize(absolute);
        return shown.toString().replace('\\', '/');
    }
}
