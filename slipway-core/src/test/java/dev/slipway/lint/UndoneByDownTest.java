package dev.slipway.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A down migration may drop what its up migration creates; dropping anything else is judged as anywhere. */
class UndoneByDownTest {
    private static final Linter LINTER = Linter.of(LintOptions.defaults());

    @Test
    void dropsOfWhatTheUpCreatesAreAllowedNamingItAndOthersAreNot(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V3__orders.sql"), """
                create table orders (id bigint primary key);
                alter table customers add column tier text;
                """);
        Path down = Files.writeString(dir.resolve("U3__orders.sql"), """
                alter table customers drop column tier;
                drop table orders;
                drop table invoices;
                alter table customers drop column email;
                """);

        UndoneByDown undone = UndoneByDown.forDownMigration(down, path -> path.getFileName().toString())
                .orElseThrow();
        FileReport report = LINTER.lintDown("U3__orders.sql", Files.readString(down), undone);

        assertThat(report.findings()).extracting(Finding::line, Finding::rule, Finding::allowedBecause).containsExactly(
                tuple(1, "drop-column", "the down migration of V3__orders.sql, which adds it"),
                tuple(2, "drop-table", "the down migration of V3__orders.sql, which creates it"),
                tuple(3, "drop-table", null),
                tuple(4, "drop-column", null));
    }

    @Test
    void findsTheUpOfGolangMigratePairsAndNothingForOtherFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("000007_users.up.sql"), "CREATE TABLE users (id bigint);\n");
        Path down = Files.writeString(dir.resolve("000007_users.down.sql"), "DROP TABLE users;\n");
        Path up = dir.resolve("000007_users.up.sql");
        Path lonely = Files.writeString(dir.resolve("U8__gone.sql"), "DROP TABLE users;\n");

        assertThat(UndoneByDown.forDownMigration(down, path -> path.getFileName().toString()))
                .hasValueSatisfying(undone -> assertThat(undone.upFile()).isEqualTo("000007_users.up.sql"));
        assertThat(UndoneByDown.forDownMigration(up, Path::toString)).isEmpty();
        assertThat(UndoneByDown.forDownMigration(lonely, Path::toString)).as("no V8 beside it").isEmpty();
        assertThat(LINTER.lint("000007_users.down.sql", Files.readString(down)).active())
                .as("linted on its own, the drop is an error").extracting(Finding::rule).containsExactly("drop-table");
    }
}
