package dev.slipway.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationScannerTest {
    private static final ClassLoader LOADER = MigrationScannerTest.class.getClassLoader();

    @TempDir
    Path dir;

    @Test
    void scansAFolderTreeInPathOrderAndReportsWhatItSkips() throws IOException {
        Path migrations = dir.resolve("db/migration");
        write(migrations.resolve("V1__create_users.sql"), "create table users (id bigint);\n");
        write(migrations.resolve("2025/V2__add_email.sql"), "alter table users add column email text;\n");
        write(migrations.resolve("2025/q3/V2.1__index_email.sql"), "create index on users (email);\n");
        write(migrations.resolve("views/R__user_view.sql"), "create or replace view v as select 1;\n");
        write(migrations.resolve("README.md"), "# migrations\n");
        write(migrations.resolve("V3_typo.sql"), "select 1;\n");
        write(migrations.resolve(".git/V9__ignored.sql"), "select 9;\n");
        write(migrations.resolve(".gitkeep"), "");

        ScanResult result = MigrationScanner.scan(List.of(new Location.Filesystem(migrations)), LOADER);

        String root = migrations.toString();
        assertThat(result.scripts()).extracting(MigrationScript::location).containsExactly(
                root + "/2025/V2__add_email.sql",
                root + "/2025/q3/V2.1__index_email.sql",
                root + "/V1__create_users.sql",
                root + "/views/R__user_view.sql");
        assertThat(result.skipped()).containsExactly(
                new SkippedFile(root + "/README.md", "not an .sql file", false),
                new SkippedFile(root + "/V3_typo.sql",
                        "needs two underscores between version and description: rename it to V3__typo.sql", true));
        assertThat(result.javaMigrations()).isEmpty();
    }

    @Test
    void keepsTheChecksumAndReadsTheScriptAgainLater() throws IOException {
        write(dir.resolve("V1__a.sql"), "\uFEFFselect 1;\r\nselect 2;\r\n");
        MigrationScript script = MigrationScanner.scan(List.of(new Location.Filesystem(dir)), LOADER).scripts().get(0);

        assertThat(script.checksum()).isEqualTo(Checksums.crc32(new StringReader("select 1;\nselect 2;\n")));
        assertThat(read(script)).isEqualTo("select 1;\r\nselect 2;\r\n");
        write(dir.resolve("V1__a.sql"), "select 3;\n");
        assertThat(read(script)).as("the text is not held; it is read when needed").isEqualTo("select 3;\n");
    }

    @Test
    void scansThousandsOfFiles() throws IOException {
        for (int i = 1; i <= 5000; i++) {
            write(dir.resolve("batch" + i % 10).resolve("V" + i + "__step_" + i + ".sql"), "select " + i + ";\n");
        }
        ScanResult result = MigrationScanner.scan(List.of(new Location.Filesystem(dir)), LOADER);

        assertThat(result.scripts()).hasSize(5000);
        assertThat(MigrationSet.of(result).versionedAscending()).hasSize(5000)
                .extracting(migration -> migration.version().toString()).startsWith("1", "2", "3").endsWith("5000");
    }

    @Test
    void keepsNonAsciiFileNames() throws IOException {
        assumeThat(System.getProperty("sun.jnu.encoding")).as("file names need a UTF-8 locale").isEqualTo("UTF-8");
        write(dir.resolve("V1__café_größe.sql"), "select 'é';\n");
        MigrationScript script = MigrationScanner.scan(List.of(new Location.Filesystem(dir)), LOADER).scripts().get(0);

        assertThat(script.name().description()).isEqualTo("café größe");
        assertThat(script.location()).endsWith("/V1__café_größe.sql");
    }

    @Test
    void aScriptThatIsNotUtf8IsAnErrorNamingTheFileAndLine() throws IOException {
        Files.createDirectories(dir);
        byte[] latin1 = "select 1;\nselect 'caf\u00e9';\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("V1__latin1.sql"), latin1);

        assertThatThrownBy(() -> MigrationScanner.scan(List.of(new Location.Filesystem(dir)), LOADER))
                .isInstanceOf(MigrationFormatException.class)
                .hasMessageStartingWith(dir + "/V1__latin1.sql:2: byte 0xE9 is not UTF-8");
    }

    @Test
    void aMissingLocationIsAnErrorNamingIt() {
        Path missing = dir.resolve("db/migrations");
        assertThatThrownBy(() -> MigrationScanner.scan(List.of(new Location.Filesystem(missing)), LOADER))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("migration location filesystem:" + missing + " does not exist");
        assertThatThrownBy(() -> MigrationScanner.scan(List.of(new Location.Classpath("db/no_such_folder")), LOADER))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("classpath:db/no_such_folder does not exist");
    }

    @Test
    void aMissingDefaultLocationIsNoError() {
        // The working directory of the test run has no db/migration folder.
        assumeThat(Path.of("db/migration")).doesNotExist();
        ScanResult result = MigrationScanner.scan(List.of(Location.DEFAULT, Location.DEFAULT_CLASSPATH), LOADER);

        assertThat(result.scripts()).isEmpty();
        assertThat(result.skipped()).extracting(SkippedFile::path)
                .containsExactly("filesystem:db/migration", "classpath:db/migration");
    }

    @Test
    void aFileReachedThroughTwoLocationsCountsOnce() throws IOException {
        write(dir.resolve("V1__a.sql"), "select 1;\n");
        write(dir.resolve("sub/V2__b.sql"), "select 2;\n");
        ScanResult result = MigrationScanner.scan(
                List.of(new Location.Filesystem(dir), new Location.Filesystem(dir.resolve("sub"))), LOADER);

        assertThat(result.scripts()).extracting(script -> script.name().fileName())
                .containsExactly("V1__a.sql", "V2__b.sql");
    }

    @Test
    void locationsAreScannedInTheOrderGiven() throws IOException {
        write(dir.resolve("b/V1__from_b.sql"), "select 1;\n");
        write(dir.resolve("a/V2__from_a.sql"), "select 2;\n");
        ScanResult result = MigrationScanner.scan(
                List.of(new Location.Filesystem(dir.resolve("b")), new Location.Filesystem(dir.resolve("a"))), LOADER);

        assertThat(result.scripts()).extracting(script -> script.name().fileName())
                .containsExactly("V1__from_b.sql", "V2__from_a.sql");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void scansAClassPathJarWithOrWithoutDirectoryEntries(boolean directoryEntries) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("db/migration/V1__create_users.sql", utf8("create table users (id bigint);\n"));
        entries.put("db/migration/sub/V2__add_email.sql", utf8("alter table users add column email text;\n"));
        entries.put("db/migration/R__views.sql", utf8("create view v as select 1;\n"));
        entries.put("db/migration/V3__naïve_名前.sql", utf8("select 3;\n"));
        entries.put("db/migration/notes.txt", utf8("not a migration\n"));
        entries.put("db/other/V9__elsewhere.sql", utf8("select 9;\n"));
        Path jar = TestJars.jar(dir.resolve("app.jar"), entries, directoryEntries);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ScanResult result = MigrationScanner.scan(List.of(Location.parse("classpath:db/migration")), loader);

            assertThat(result.scripts()).extracting(MigrationScript::location).containsExactly(
                    "app.jar!/db/migration/R__views.sql",
                    "app.jar!/db/migration/V1__create_users.sql",
                    "app.jar!/db/migration/V3__naïve_名前.sql",
                    "app.jar!/db/migration/sub/V2__add_email.sql");
            assertThat(result.skipped()).extracting(SkippedFile::path)
                    .containsExactly("app.jar!/db/migration/notes.txt");
            MigrationScript first = result.scripts().get(1);
            assertThat(read(first)).isEqualTo("create table users (id bigint);\n");
            assertThat(first.checksum())
                    .isEqualTo(Checksums.crc32(new StringReader("create table users (id bigint);\n")));
        }
    }

    @Test
    void scansAClassPathFolder() throws IOException {
        write(dir.resolve("classes/db/migration/V1__a.sql"), "select 1;\n");
        write(dir.resolve("classes/db/migration/deeper/V2__b.sql"), "select 2;\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()}, null)) {
            ScanResult result = MigrationScanner.scan(List.of(new Location.Classpath("/db/migration/")), loader);

            assertThat(result.scripts()).extracting(MigrationScript::location)
                    .containsExactly("db/migration/V1__a.sql", "db/migration/deeper/V2__b.sql");
            assertThat(read(result.scripts().get(1))).isEqualTo("select 2;\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Corpora.MARQUEZ, Corpora.REPORTSTREAM, Corpora.OPENMETER})
    void scansTheRealWorldFoldersWithFlywaysChecksums(String corpus) {
        ScanResult result = MigrationScanner.scan(List.of(new Location.Filesystem(Corpora.folder(corpus))), LOADER);

        assertThat(result.skipped()).allSatisfy(skipped -> assertThat(skipped.malformed()).isFalse());
        if (!corpus.equals(Corpora.OPENMETER)) {
            Map<String, Integer> checksums = new LinkedHashMap<>();
            result.scripts().forEach(script -> checksums.put(script.name().fileName(), script.checksum()));
            for (Corpora.HistoryRow row : Corpora.flywayHistory(corpus)) {
                assertThat(checksums.get(row.script())).as(row.script()).isEqualTo(row.checksum());
            }
            assertThat(checksums).hasSize(Corpora.flywayHistory(corpus).size());
        } else {
            assertThat(result.scripts()).hasSize(538);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String read(MigrationScript script) throws IOException {
        try (Reader reader = script.source().open()) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[256];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        }
    }
}
