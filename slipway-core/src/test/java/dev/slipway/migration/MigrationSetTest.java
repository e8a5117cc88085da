package dev.slipway.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.slipway.migration.fixtures.good.V3__Backfill_names;
import dev.slipway.migration.fixtures.good.V4_1__Split_names;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationSetTest {
    private static final ClassLoader LOADER = MigrationSetTest.class.getClassLoader();

    @Test
    void ordersVersionsNumericallyAndPairsEachWithItsDown() {
        MigrationSet set = set("db/V1_10__c.sql", "db/V1_9__b.sql", "db/V1__a.sql", "db/U1_9__b.sql",
                "db/20250101000000_d.up.sql", "db/20250101000000_d.down.sql");

        assertThat(set.validate()).isEmpty();
        assertThat(set.versionedAscending()).extracting(VersionedMigration::version)
                .containsExactly(Version.parse("1"), Version.parse("1.9"), Version.parse("1.10"),
                        Version.parse("20250101000000"));
        assertThat(set.versioned(Version.parse("1.9")).orElseThrow().undo()).get()
                .extracting(ResolvedMigration::location).isEqualTo("db/U1_9__b.sql");
        assertThat(set.versioned(Version.parse("1")).orElseThrow().hasUndo()).isFalse();
        assertThat(set.versioned(Version.parse("20250101000000")).orElseThrow().undo()).get()
                .extracting(ResolvedMigration::location).isEqualTo("db/20250101000000_d.down.sql");
        assertThat(set.versioned(Version.parse("2"))).isEmpty();
        assertThat(set.latestVersion()).contains(Version.parse("20250101000000"));
    }

    @Test
    void repeatablesAreOrderedByDescriptionAndBaselinesByVersion() {
        MigrationSet set = set("db/R__b_views.sql", "db/R__a_functions.sql", "db/B10__schema.sql", "db/B2__schema.sql",
                "db/V1__a.sql");

        assertThat(set.repeatables()).extracting(migration -> migration.name().description())
                .containsExactly("a functions", "b views");
        assertThat(set.baselines()).extracting(migration -> migration.name().version())
                .containsExactly(Version.of(2), Version.of(10));
    }

    @Test
    void aJavaMigrationWithDownIsItsOwnUndo() {
        MigrationSet set = MigrationSet.of(new ScanResult(List.of(script("db/V1__a.sql")),
                List.of(java(V3__Backfill_names.class), java(V4_1__Split_names.class)), List.of()));

        assertThat(set.validate()).isEmpty();
        VersionedMigration split = set.versioned(Version.of(4, 1)).orElseThrow();
        assertThat(split.migration()).isInstanceOf(JavaMigrationClass.class);
        assertThat(split.undo()).containsSame(split.migration());
        assertThat(set.versioned(Version.of(3)).orElseThrow().hasUndo()).isFalse();
    }

    @Test
    void twoFilesWithOneVersionAreNamedWithTheFix() {
        MigrationSet set = set("db/V3__add_email.sql", "db/feature/V3__add_phone.sql", "db/V74__last.sql");

        Problem problem = only(set.validate());
        assertThat(problem.type()).isEqualTo(ProblemType.DUPLICATE_VERSION);
        assertThat(problem.files()).containsExactly("db/V3__add_email.sql", "db/feature/V3__add_phone.sql");
        assertThat(problem.message())
                .isEqualTo("version 3 is used by 2 migrations: db/V3__add_email.sql, db/feature/V3__add_phone.sql");
        assertThat(problem.fix()).startsWith("Renumber one of them (the newest version is 74, so 75 is free)");
        assertThat(set.versioned(Version.of(3)).orElseThrow().migration().location()).isEqualTo("db/V3__add_email.sql");
    }

    @Test
    void aFlywayAndAGolangFileWithOneVersionClash() {
        Problem problem = only(set("db/V3__a.sql", "db/3_b.up.sql").validate());
        assertThat(problem.type()).isEqualTo(ProblemType.DUPLICATE_VERSION);
        assertThat(problem.message()).contains("db/V3__a.sql", "db/3_b.up.sql");
    }

    @Test
    void anSqlAndAJavaMigrationWithOneVersionClash() {
        MigrationSet set = MigrationSet.of(new ScanResult(List.of(script("db/migration/V3__backfill.sql")),
                List.of(java(V3__Backfill_names.class)), List.of()));

        Problem problem = only(set.validate());
        assertThat(problem.type()).isEqualTo(ProblemType.DUPLICATE_VERSION);
        assertThat(problem.files()).containsExactly("db/migration/V3__backfill.sql",
                "dev.slipway.migration.fixtures.good.V3__Backfill_names");
    }

    @Test
    void versionsThatDifferOnlyByTrailingZerosClash() {
        Problem problem = only(set("db/V1__a.sql", "db/V1.0__b.sql").validate());
        assertThat(problem.type()).isEqualTo(ProblemType.EQUIVALENT_VERSIONS);
        assertThat(problem.message()).startsWith("versions 1 and 1.0 differ only by trailing zeros")
                .contains("db/V1__a.sql", "db/V1.0__b.sql");
    }

    @Test
    void underscoreAndDotSpellingsOfOneVersionAreDuplicates() {
        Problem problem = only(set("db/V1_9__a.sql", "db/V1.9__b.sql").validate());
        assertThat(problem.type()).isEqualTo(ProblemType.DUPLICATE_VERSION);
        assertThat(problem.files()).containsExactly("db/V1_9__a.sql", "db/V1.9__b.sql");
    }

    @Test
    void aDownWithoutAnUpNamesTheFileAndBothWaysOut() {
        Problem flyway = only(set("db/V1__a.sql", "db/U7__drop_orders.sql").validate());
        assertThat(flyway.type()).isEqualTo(ProblemType.ORPHAN_UNDO);
        assertThat(flyway.files()).containsExactly("db/U7__drop_orders.sql");
        assertThat(flyway.message())
                .isEqualTo("db/U7__drop_orders.sql is the down migration of version 7, but no migration has version 7");
        assertThat(flyway.fix())
                .isEqualTo("Add the up migration (V7__drop_orders.sql) or delete db/U7__drop_orders.sql.");

        Problem golang = only(set("db/20240101_orders.down.sql").validate());
        assertThat(golang.fix())
                .isEqualTo("Add the up migration (20240101_orders.up.sql) or delete db/20240101_orders.down.sql.");
    }

    @Test
    void twoDownsForOneVersionClash() {
        Problem files = only(set("db/V3__a.sql", "db/U3__a.sql", "db/U3__again.sql").validate());
        assertThat(files.type()).isEqualTo(ProblemType.DUPLICATE_UNDO);
        assertThat(files.files()).containsExactly("db/U3__a.sql", "db/U3__again.sql");

        MigrationSet javaAndFile = MigrationSet.of(new ScanResult(List.of(script("db/U4_1__split.sql")),
                List.of(java(V4_1__Split_names.class)), List.of()));
        Problem both = only(javaAndFile.validate());
        assertThat(both.type()).isEqualTo(ProblemType.DUPLICATE_UNDO);
        assertThat(both.message()).isEqualTo("version 4.1 has 2 down migrations: db/U4_1__split.sql, "
                + "dev.slipway.migration.fixtures.good.V4_1__Split_names");
    }

    @Test
    void twoRepeatablesWithOneDescriptionClash() {
        Problem problem = only(set("a/R__Datasets_view.sql", "b/R__Datasets view.sql").validate());
        assertThat(problem.type()).isEqualTo(ProblemType.DUPLICATE_REPEATABLE);
        assertThat(problem.message()).isEqualTo("2 repeatable migrations have the description 'Datasets view': "
                + "a/R__Datasets_view.sql, b/R__Datasets view.sql");
    }

    @Test
    void twoBaselinesWithOneVersionClash() {
        Problem problem = only(set("a/B5__schema.sql", "b/B5__schema_again.sql").validate());
        assertThat(problem.type()).isEqualTo(ProblemType.DUPLICATE_BASELINE);
        assertThat(problem.files()).containsExactly("a/B5__schema.sql", "b/B5__schema_again.sql");
    }

    @Test
    void filesNamedAlmostLikeMigrationsAreProblemsNotSilentSkips() {
        ScanResult scan = new ScanResult(List.of(), List.of(), List.of(
                new SkippedFile("db/README.md", "not an .sql file"),
                new SkippedFile("db/V2_add_users.sql", "needs two underscores between version and description: "
                        + "rename it to V2__add_users.sql", true)));

        Problem problem = only(MigrationSet.of(scan).validate());
        assertThat(problem.type()).isEqualTo(ProblemType.MALFORMED_NAME);
        assertThat(problem.files()).containsExactly("db/V2_add_users.sql");
        assertThat(problem.message()).isEqualTo("db/V2_add_users.sql looks like a migration but will not run: needs "
                + "two underscores between version and description: rename it to V2__add_users.sql");
    }

    @Test
    void javaMigrationsProblemsComeFromTheScan() {
        ScanResult scan = MigrationScanner.scan(
                List.of(Location.parse("classpath:dev/slipway/migration/fixtures/bad")), LOADER);

        assertThat(MigrationSet.of(scan).validate()).extracting(Problem::type, Problem::files).containsExactly(
                tuple(ProblemType.MALFORMED_NAME,
                        List.of("dev.slipway.migration.fixtures.bad.BackfillOrders")),
                tuple(ProblemType.JAVA_NOT_INSTANTIABLE,
                        List.of("dev.slipway.migration.fixtures.bad.V6__Needs_argument")));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        MigrationSet set = set("db/V1__a.sql", "db/V1__b.sql", "db/U9__x.sql", "db/R__v.sql", "x/R__v.sql");
        assertThat(set.validate()).extracting(Problem::type).containsExactly(ProblemType.DUPLICATE_VERSION,
                ProblemType.ORPHAN_UNDO, ProblemType.DUPLICATE_REPEATABLE);
    }

    @Test
    void marquezIsInFlywaysOrder() {
        MigrationSet set = MigrationSet.of(MigrationScanner.scan(
                List.of(new Location.Filesystem(Corpora.folder(Corpora.MARQUEZ))), LOADER));

        assertThat(set.validate()).isEmpty();
        List<String> flywayOrder = new ArrayList<>();
        Corpora.flywayHistory(Corpora.MARQUEZ).forEach(row -> flywayOrder.add(row.script()));
        List<String> ours = new ArrayList<>();
        set.versionedAscending().forEach(versioned -> ours.add(versioned.migration().name().fileName()));
        set.repeatables().forEach(repeatable -> ours.add(repeatable.name().fileName()));
        assertThat(ours).isEqualTo(flywayOrder);
        assertThat(set.skipped()).extracting(SkippedFile::path).singleElement().asString().endsWith("V57__readme.md");
    }

    @ParameterizedTest
    @ValueSource(strings = {Corpora.REPORTSTREAM, Corpora.OPENMETER})
    void theRealWorldSetsAreValid(String corpus) {
        MigrationSet set = MigrationSet.of(MigrationScanner.scan(
                List.of(new Location.Filesystem(Corpora.folder(corpus))), LOADER));

        assertThat(set.validate()).isEmpty();
        if (corpus.equals(Corpora.OPENMETER)) {
            assertThat(set.versionedAscending()).hasSize(269).allMatch(VersionedMigration::hasUndo);
        } else {
            assertThat(set.versionedAscending()).hasSize(74);
        }
    }

    private static MigrationSet set(String... files) {
        return MigrationSet.of(new ScanResult(Arrays.stream(files).map(MigrationSetTest::script).toList(), List.of(),
                List.of()));
    }

    private static MigrationScript script(String location) {
        MigrationName name = ((NameParse.Migration) MigrationName.parse(location)).name();
        return new MigrationScript(name, location, 0, ScriptSource.ofText("select 1;"));
    }

    private static JavaMigrationClass java(Class<? extends JavaMigration> type) {
        return new JavaMigrationClass(((NameParse.Migration) JavaMigrationClass.resolve(type)).name(), type);
    }

    private static Problem only(List<Problem> problems) {
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }
}
