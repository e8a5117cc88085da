package dev.slipway.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.slipway.migration.fixtures.good.V3__Backfill_names;
import dev.slipway.migration.fixtures.good.V4_1__Split_names;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaMigrationTest {
    private static final ClassLoader LOADER = JavaMigrationTest.class.getClassLoader();

    @TempDir
    Path dir;

    @Test
    void findsConcreteJavaMigrationsInTheLocationsPackage() {
        ScanResult result = MigrationScanner.scan(
                List.of(Location.parse("classpath:dev/slipway/migration/fixtures/good")), LOADER);

        assertThat(result.javaMigrations())
                .extracting(java -> java.name().type(), java -> java.name().version(),
                        java -> java.name().description(), java -> java.type().getSimpleName())
                .containsExactly(
                        tuple(MigrationType.VERSIONED, Version.of(5), "Normalise emails", "NormaliseEmails"),
                        tuple(MigrationType.REPEATABLE, null, "Refresh caches", "R__Refresh_caches"),
                        tuple(MigrationType.VERSIONED, Version.of(3), "Backfill names", "V3__Backfill_names"),
                        tuple(MigrationType.VERSIONED, Version.of(4, 1), "Split names", "V4_1__Split_names"));
        assertThat(result.javaMigrations().get(2).name().fileName())
                .isEqualTo("dev.slipway.migration.fixtures.good.V3__Backfill_names");
        assertThat(result.skipped()).isEmpty();
        assertThat(result.scripts()).isEmpty();
    }

    @Test
    void aClassThatOverridesDownHasADown() throws Exception {
        assertThat(new V4_1__Split_names().hasDown()).isTrue();
        assertThat(new V3__Backfill_names().hasDown()).isFalse();
        assertThatThrownBy(() -> new V3__Backfill_names().down(null))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("V3__Backfill_names has no down migration");
        assertThat(new V3__Backfill_names().runInTransaction()).isTrue();
        assertThat(new V3__Backfill_names().checksum()).isNull();
    }

    @Test
    void theVersionAndDescriptionComeFromTheClassName() {
        assertThat(new V4_1__Split_names().version()).isEqualTo(Version.of(4, 1));
        assertThat(new V4_1__Split_names().description()).isEqualTo("Split names");
    }

    @Test
    void reportsJavaMigrationsThatWouldNeverRunOrCannotBeCreated() {
        ScanResult result = MigrationScanner.scan(
                List.of(Location.parse("classpath:dev/slipway/migration/fixtures/bad")), LOADER);

        assertThat(result.skipped()).containsExactly(new SkippedFile(
                "dev.slipway.migration.fixtures.bad.BackfillOrders",
                "a Java migration needs a class name like V3__Backfill_names or a version() method", true));
        JavaMigrationClass needsArgument = result.javaMigrations().get(0);
        assertThat(needsArgument.name().version()).isEqualTo(Version.of(6));
        assertThatThrownBy(needsArgument::newInstance)
                .isInstanceOf(MigrationException.class)
                .hasMessage("cannot create dev.slipway.migration.fixtures.bad.V6__Needs_argument: it has no "
                        + "no-argument constructor; add one");
    }

    @Test
    void findsJavaMigrationsInAJarGivenAsAClassesLocation() throws IOException {
        Path classes = TestJars.compile(dir.resolve("build"), Map.of(
                "com/example/app/V7__Backfill_orders.java", """
                        package com.example.app;
                        public class V7__Backfill_orders implements dev.slipway.migration.JavaMigration {
                            @Override public void up(dev.slipway.migration.MigrationContext context) { }
                            @Override public void down(dev.slipway.migration.MigrationContext context) { }
                        }
                        """,
                "com/example/app/internal/Orders.java", """
                        package com.example.app.internal;
                        public class Orders { }
                        """,
                "com/example/app/tasks/NightlyCleanup.java", """
                        package com.example.app.tasks;
                        public class NightlyCleanup implements dev.slipway.migration.JavaMigration {
                            @Override public void up(dev.slipway.migration.MigrationContext context) { }
                            @Override public dev.slipway.migration.Version version() {
                                return dev.slipway.migration.Version.parse("8");
                            }
                        }
                        """));
        Path jar = TestJars.jar(dir.resolve("app.jar"), TestJars.entriesOf(classes), false);
        List<Location> locations = List.of(Location.parse("classes:" + jar));

        try (URLClassLoader loader = MigrationScanner.classLoaderFor(locations, LOADER)) {
            ScanResult result = MigrationScanner.scan(locations, loader);

            assertThat(result.javaMigrations()).extracting(java -> java.type().getName(), java -> java.name().version())
                    .containsExactly(tuple("com.example.app.V7__Backfill_orders", Version.of(7)),
                            tuple("com.example.app.tasks.NightlyCleanup", Version.of(8)));
            assertThat(result.javaMigrations().get(1).name().description()).isEqualTo("NightlyCleanup");
            assertThat(result.javaMigrations().get(0).hasDown()).isTrue();
            assertThat(result.javaMigrations().get(0).newInstance()).isInstanceOf(JavaMigration.class);
            assertThat(result.skipped()).isEmpty();
        }
    }

    @Test
    void findsSqlAndJavaMigrationsTogetherInAClassPathJar() throws IOException {
        Path classes = TestJars.compile(dir.resolve("build"), Map.of("db/migration/V2__Fill_defaults.java", """
                package db.migration;
                public class V2__Fill_defaults implements dev.slipway.migration.JavaMigration {
                    @Override public void up(dev.slipway.migration.MigrationContext context) { }
                }
                """));
        Map<String, byte[]> entries = new TreeMap<>(TestJars.entriesOf(classes));
        entries.put("db/migration/V1__create.sql", "create table t (id int);\n".getBytes(StandardCharsets.UTF_8));
        Path jar = TestJars.jar(dir.resolve("app.jar"), entries, true);
        List<Location> classpath = List.of(Location.parse("classpath:db/migration"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, LOADER)) {
            ScanResult result = MigrationScanner.scan(classpath, loader);

            assertThat(result.scripts()).extracting(script -> script.name().version()).containsExactly(Version.of(1));
            assertThat(result.javaMigrations()).extracting(java -> java.name().version())
                    .containsExactly(Version.of(2));
            assertThat(MigrationSet.of(result).versionedAscending()).extracting(VersionedMigration::version)
                    .containsExactly(Version.of(1), Version.of(2));
        }
    }

    @Test
    void aMissingClassesLocationIsAnError() {
        Path missing = dir.resolve("build/libs/app.jar");
        assertThatThrownBy(() -> MigrationScanner.scan(List.of(Location.javaClasses(missing)), LOADER))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("classes:" + missing + " does not exist");
    }
}
