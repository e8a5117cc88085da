package dev.slipway.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocationTest {

    @Test
    void aBarePathIsAFolder() {
        assertThat(Location.parse("db/migration")).isEqualTo(new Location.Filesystem(Path.of("db/migration")));
        assertThat(Location.parse("filesystem:db/migration"))
                .isEqualTo(new Location.Filesystem(Path.of("db/migration")));
        assertThat(Location.parse("/srv/app/migrations"))
                .isEqualTo(new Location.Filesystem(Path.of("/srv/app/migrations")));
    }

    @Test
    void classPathLocationsNameAPackage() {
        Location.Classpath location = (Location.Classpath) Location.parse("classpath:/db/migration/");
        assertThat(location.path()).isEqualTo("db/migration");
        assertThat(location.packageName()).isEqualTo("db.migration");
        assertThat(location).hasToString("classpath:db/migration");
    }

    @Test
    void classesLocationsAreJarsOrFolders() {
        assertThat(Location.parse("classes:build/libs/app.jar"))
                .isEqualTo(Location.javaClasses(Path.of("build/libs/app.jar")));
    }

    @Test
    void refusesUnknownPrefixesAndEmptyPaths() {
        assertThatThrownBy(() -> Location.parse("s3:bucket/migrations"))
                .hasMessage("unknown migration location prefix 's3:' in 's3:bucket/migrations'; expected db/migration, "
                        + "filesystem:db/migration, classpath:db/migration or classes:app.jar");
        assertThatThrownBy(() -> Location.parse("classpath:")).hasMessageContaining("has no path");
        assertThatThrownBy(() -> Location.parse("classpath:/")).hasMessageContaining("needs a folder");
        assertThatThrownBy(() -> Location.parse("  ")).hasMessageContaining("empty migration location");
    }

    @Test
    void onlyTheDefaultsMayBeMissing() {
        assertThat(Location.parse("db/migration").isDefault()).isTrue();
        assertThat(Location.parse("./db/migration").isDefault()).isTrue();
        assertThat(new Location.Filesystem(Path.of("db/migration").toAbsolutePath()).isDefault()).isTrue();
        assertThat(Location.parse("classpath:db/migration").isDefault()).isTrue();
        assertThat(Location.parse("db/migrations").isDefault()).isFalse();
        assertThat(Location.parse("classes:db/migration").isDefault()).isFalse();
    }

    @Test
    void positionsPrintAsFileAndLine() {
        assertThat(SourcePosition.of("db/migration/V1__a.sql", 12)).hasToString("db/migration/V1__a.sql:12");
        assertThat(SourcePosition.of("db/migration/V1__a.sql")).hasToString("db/migration/V1__a.sql");
        assertThatThrownBy(() -> SourcePosition.of("x.sql", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
