package dev.slipway.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Check files next to migrations are set aside for verify: neither migrations nor skipped files. */
class CheckFilesScanTest {
    @Test
    void aCheckFileIsNeitherAMigrationNorSkipped(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("V1__orders.sql"), "create table orders (id int);\n");
        Files.writeString(dir.resolve("V1__orders.check.sql"), "select 1 where false;\n");
        Files.writeString(dir.resolve("README.md"), "notes\n");

        ScanResult scan = MigrationScanner.scan(List.of(Location.parse(dir.toString())),
                CheckFilesScanTest.class.getClassLoader());

        assertThat(scan.scripts()).extracting(script -> script.name().fileName()).containsExactly("V1__orders.sql");
        assertThat(scan.skipped()).extracting(SkippedFile::path).singleElement().asString().endsWith("README.md");
        assertThat(scan.checks()).singleElement().satisfies(check -> {
            assertThat(check.location()).endsWith("/V1__orders.check.sql");
            assertThat(check.migrationLocation()).isEqualTo(scan.scripts().get(0).location());
        });
        assertThat(MigrationSet.of(scan).validate()).isEmpty();
    }

    @Test
    void theNameSaysItIsACheck() {
        assertThat(MigrationName.parse("V3__add_x.check.sql")).isInstanceOf(NameParse.NotAMigration.class);
        assertThat(MigrationName.parse("R__views.check.sql")).isInstanceOf(NameParse.NotAMigration.class);
        assertThat(MigrationName.parse("V3__check.sql")).as("a description that is 'check'")
                .isInstanceOf(NameParse.Migration.class);
    }
}
