package dev.slipway.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MigrationNameTest {

    @Test
    void readsFlywayVersionedUndoRepeatableAndBaselineNames() {
        assertThat(migration("V1__initial_schema.sql"))
                .isEqualTo(new MigrationName(MigrationType.VERSIONED, Version.of(1), "initial schema",
                        "V1__initial_schema.sql"));
        assertThat(migration("U1__initial_schema.sql").type()).isEqualTo(MigrationType.UNDO);
        assertThat(migration("B5__whole_schema.sql"))
                .isEqualTo(new MigrationName(MigrationType.BASELINE, Version.of(5), "whole schema",
                        "B5__whole_schema.sql"));
        assertThat(migration("R__Datasets_view.sql"))
                .isEqualTo(new MigrationName(MigrationType.REPEATABLE, null, "Datasets view", "R__Datasets_view.sql"));
    }

    @Test
    void readsDottedUnderscoredAndTimestampVersions() {
        assertThat(migration("V17.1__unique_version_constraint.sql").version()).isEqualTo(Version.of(17, 1));
        assertThat(migration("V1_9__x.sql").version()).isEqualTo(Version.of(1, 9));
        assertThat(migration("V20250605102416__add_column.sql").version()).isEqualTo(Version.of(20250605102416L));
    }

    @Test
    void descriptionStartsAtTheFirstDoubleUnderscoreAndMayContainMore() {
        MigrationName name = migration("V3__add__two_things.sql");
        assertThat(name.version()).isEqualTo(Version.of(3));
        // Flyway shows each underscore as a space, so a double underscore becomes two spaces.
        assertThat(name.description()).isEqualTo("add  two things");
    }

    @Test
    void readsGolangMigratePairs() {
        assertThat(migration("20240826120919_init.up.sql"))
                .isEqualTo(new MigrationName(MigrationType.VERSIONED, Version.of(20240826120919L), "init",
                        "20240826120919_init.up.sql"));
        assertThat(migration("20240826120919_init.down.sql").type()).isEqualTo(MigrationType.UNDO);
        assertThat(migration("20240903155435_entitlement-expired-index.up.sql").description())
                .isEqualTo("entitlement-expired-index");
        assertThat(migration("20240923170525_customer_drop_providers.up.sql").description())
                .isEqualTo("customer drop providers");
        assertThat(migration("0007_add_users.up.sql").version()).isEqualTo(Version.of(7));
    }

    @Test
    void keepsNonAsciiNames() {
        MigrationName name = migration("V8__café_größe_表.sql");
        assertThat(name.description()).isEqualTo("café größe 表");
        assertThat(name.fileName()).isEqualTo("V8__café_größe_表.sql");
    }

    @Test
    void onlyTheLastPathSegmentIsTheName() {
        assertThat(migration("db/migration/2024/V3__x.sql").fileName()).isEqualTo("V3__x.sql");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "README.md          | not an .sql file",
        "V57__readme.md     | not an .sql file",
        "atlas.sum          | not an .sql file",
        "seed.sql           | no migration prefix",
        "Views.sql          | no migration prefix",
        "Rollback.sql       | no migration prefix",
        "afterMigrate.sql   | Flyway callback",
        "V3__x.sql.conf     | per-script configuration",
        ".sql               | without a name",
    })
    void namesThatAreNotMigrations(String fileName, String reason) {
        assertThat(MigrationName.parse(fileName)).isInstanceOfSatisfying(NameParse.NotAMigration.class,
                not -> assertThat(not.reason()).contains(reason));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "V1_add_users.sql      | rename it to V1__add_users.sql",
        "V1_2_add_users.sql    | rename it to V1_2__add_users.sql",
        "V1.sql                | no '__' between version and description",
        "V__add_users.sql      | no version between 'V' and '__'",
        "V1.x__add_users.sql   | not a version: '1.x'",
        "V1234567890123456789__x.sql | at most 18 digits",
        "R_views.sql           | rename it to R__views.sql",
        "R__.sql               | needs a description",
        "R1__views.sql         | has no version: name it R__views.sql",
        "v1__add_users.sql     | rename it to V1__add_users.sql",
        "V1__add_users.SQL     | rename it to V1__add_users.sql",
        "0001_init.sql         | rename it to 0001_init.up.sql",
    })
    void namesThatLookLikeMigrationsButAreNot(String fileName, String reason) {
        assertThat(MigrationName.parse(fileName)).isInstanceOfSatisfying(NameParse.Malformed.class,
                malformed -> assertThat(malformed.reason()).contains(reason));
    }

    @Test
    void readsJavaClassNames() {
        NameParse parse = MigrationName.parseClassName("V2_1__Split_names", "db.migration.V2_1__Split_names");
        assertThat(parse).isEqualTo(new NameParse.Migration(new MigrationName(MigrationType.VERSIONED,
                Version.of(2, 1), "Split names", "db.migration.V2_1__Split_names")));
        assertThat(MigrationName.parseClassName("ValidatorHelper", "db.migration.ValidatorHelper"))
                .isInstanceOf(NameParse.NotAMigration.class);
        assertThat(MigrationName.parseClassName("V3Backfill", "db.migration.V3Backfill"))
                .isInstanceOf(NameParse.Malformed.class);
    }

    @Test
    void onlyRepeatableMigrationsHaveNoVersion() {
        assertThatThrownBy(() -> new MigrationName(MigrationType.VERSIONED, null, "x", "x.sql"))
                .hasMessageContaining("needs a version");
        assertThatThrownBy(() -> new MigrationName(MigrationType.REPEATABLE, Version.of(1), "x", "x.sql"))
                .hasMessageContaining("has no version");
    }

    @Test
    void marquezHas81VersionedAnd3RepeatableAndSkipsTheReadme() throws IOException {
        Map<String, NameParse> parsed = parseFolder(Corpora.MARQUEZ);
        assertThat(countOf(parsed, MigrationType.VERSIONED)).isEqualTo(81);
        assertThat(countOf(parsed, MigrationType.REPEATABLE)).isEqualTo(3);
        assertThat(notMigrations(parsed)).containsExactly("V57__readme.md");
    }

    @Test
    void reportStreamHas74Versioned() throws IOException {
        Map<String, NameParse> parsed = parseFolder(Corpora.REPORTSTREAM);
        assertThat(countOf(parsed, MigrationType.VERSIONED)).isEqualTo(74);
        assertThat(parsed).hasSize(74);
    }

    @Test
    void openMeterHas269UpsWith269DownsAndSkipsAtlasSum() throws IOException {
        Map<String, NameParse> parsed = parseFolder(Corpora.OPENMETER);
        assertThat(countOf(parsed, MigrationType.VERSIONED)).isEqualTo(269);
        assertThat(countOf(parsed, MigrationType.UNDO)).isEqualTo(269);
        assertThat(notMigrations(parsed)).containsExactly("atlas.sum");
    }

    @Test
    void versionsAndDescriptionsMatchFlywaysHistory() {
        for (String corpus : List.of(Corpora.MARQUEZ, Corpora.REPORTSTREAM)) {
            for (Corpora.HistoryRow row : Corpora.flywayHistory(corpus)) {
                MigrationName name = migration(row.script());
                assertThat(name.description()).as(row.script()).isEqualTo(row.description());
                assertThat(name.version() == null ? "" : name.version().toString()).as(row.script())
                        .isEqualTo(row.version());
                assertThat(name.type()).isEqualTo(row.version().isEmpty()
                        ? MigrationType.REPEATABLE : MigrationType.VERSIONED);
            }
        }
    }

    private static MigrationName migration(String fileName) {
        NameParse parse = MigrationName.parse(fileName);
        assertThat(parse).as(fileName).isInstanceOf(NameParse.Migration.class);
        return ((NameParse.Migration) parse).name();
    }

    private static Map<String, NameParse> parseFolder(String corpus) throws IOException {
        try (Stream<Path> files = Files.list(Corpora.folder(corpus))) {
            return files.map(file -> file.getFileName().toString())
                    .collect(Collectors.toMap(Function.identity(), MigrationName::parse));
        }
    }

    private static long countOf(Map<String, NameParse> parsed, MigrationType type) {
        return parsed.values().stream()
                .filter(parse -> parse instanceof NameParse.Migration migration && migration.name().type() == type)
                .count();
    }

    private static List<String> notMigrations(Map<String, NameParse> parsed) {
        return parsed.entrySet().stream()
                .filter(entry -> !(entry.getValue() instanceof NameParse.Migration))
                .peek(entry -> assertThat(entry.getValue()).isInstanceOf(NameParse.NotAMigration.class))
                .map(Map.Entry::getKey)
                .toList();
    }
}
