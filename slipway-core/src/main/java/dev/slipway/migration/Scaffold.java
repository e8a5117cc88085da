package dev.slipway.migration;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a new migration and its down migration into a folder, numbered after the newest one there.
 * <p>Versions follow the folder's style: timestamps ({@code 20251021120000}) when the newest version is one, otherwise
 * the next whole number.
 */
public final class Scaffold {
    private static final long TIMESTAMP_STYLE = 1_000_000_000L;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private Scaffold() {
    }

    /**
     * What to write.
     *
     * @param description what the migration does, e.g. "add interview_dates to applications"
     * @param java        write a Java migration class instead of SQL files
     * @param data        write a data-migration template (batched backfill)
     */
    public record Request(String description, boolean java, boolean data) {
        public Request {
            if (description == null || description.isBlank()) {
                throw new IllegalArgumentException("a new migration needs a description");
            }
        }
    }

    /**
     * What was written.
     *
     * @param version the new version
     * @param files   the files created
     */
    public record Written(Version version, List<Path> files) {
    }

    /** Writes the files of {@code request} into {@code folder}, creating it if needed; never overwrites. */
    public static Written write(Path folder, Request request, LocalDateTime now) throws IOException {
        Files.createDirectories(folder);
        Version version = nextVersion(folder, now);
        String slug = request.description().strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_")
                .replaceAll("^_+|_+$", "");
        List<Path> files = new ArrayList<>();
        String fileVersion = version.toString().replace('.', '_');
        if (request.java()) {
            String className = "V" + fileVersion + "__" + camel(slug);
            files.add(create(folder.resolve(className + ".java"), javaTemplate(className, request)));
        } else {
            files.add(create(folder.resolve("V" + fileVersion + "__" + slug + ".sql"), upTemplate(request)));
            files.add(create(folder.resolve("U" + fileVersion + "__" + slug + ".sql"), downTemplate(request)));
        }
        return new Written(version, files);
    }

    private static Version nextVersion(Path folder, LocalDateTime now) throws IOException {
        Version newest = null;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                // a Java migration written by `new --java` counts too, so the next one does not reuse its version
                NameParse parse = fileName.endsWith(".java")
                        ? MigrationName.parseClassName(fileName.substring(0, fileName.length() - 5), fileName)
                        : MigrationName.parse(fileName);
                if (parse instanceof NameParse.Migration m && m.name().version() != null
                        && (newest == null || m.name().version().compareTo(newest) > 0)) {
                    newest = m.name().version();
                }
            }
        }
        if (newest == null) return Version.parse("1");
        long first = newest.parts().get(0);
        if (first >= TIMESTAMP_STYLE) {
            Version stamp = Version.parse(STAMP.format(now));
            return stamp.compareTo(newest) > 0 ? stamp : Version.of(first + 1);
        }
        return Version.of(first + 1);
    }

    private static Path create(Path file, String content) throws IOException {
        if (Files.exists(file)) throw new FileAlreadyExistsException(file.toString());
        return Files.writeString(file, content);
    }

    private static String upTemplate(Request request) {
        if (request.data()) {
            return "-- " + request.description() + "\n"
                    + "-- A data migration: update rows in batches so no lock is held for long.\n"
                    + "-- slipway:batch key=id size=5000 pause=50ms\n"
                    + "UPDATE my_table SET new_column = old_column WHERE new_column IS NULL;\n";
        }
        return "-- " + request.description() + "\n"
                + "-- Runs in one transaction with lock_timeout 3s, retried on lock timeouts;\n"
                + "-- `slipway validate` checks it, `slipway migrate` applies it.\n\n";
    }

    private static String downTemplate(Request request) {
        return "-- Reverts: " + request.description() + "\n"
                + "-- `slipway downgrade -1` runs this; it should restore the schema as it was before.\n\n";
    }

    private static String javaTemplate(String className, Request request) {
        return "import dev.slipway.migration.JavaMigration;\n"
                + "import dev.slipway.migration.MigrationContext;\n\n"
                + "/** " + request.description() + " */\n"
                + "public class " + className + " implements JavaMigration {\n"
                + "    @Override\n"
                + "    public void up(MigrationContext context) throws Exception {\n"
                + "        try (var statement = context.connection().createStatement()) {\n"
                + "            // statement.execute(\"...\");\n"
                + "        }\n"
                + "    }\n\n"
                + "    @Override\n"
                + "    public void down(MigrationContext context) throws Exception {\n"
                + "        try (var statement = context.connection().createStatement()) {\n"
                + "            // statement.execute(\"...\");\n"
                + "        }\n"
                + "    }\n"
                + "}\n";
    }

    private static String camel(String slug) {
        StringBuilder name = new StringBuilder();
        for (String part : slug.split("_")) {
            if (part.isEmpty()) continue;
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1)).append('_');
        }
        return name.length() == 0 ? "Migration" : name.substring(0, name.length() - 1);
    }
}
