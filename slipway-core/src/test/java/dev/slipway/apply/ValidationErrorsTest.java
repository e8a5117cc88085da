package dev.slipway.apply;

import static dev.slipway.apply.MigrationFolder.fileName;
import static dev.slipway.apply.MigrationFolder.tables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.ExitStatus;
import dev.slipway.Slipway;
import dev.slipway.SlipwayException;
import dev.slipway.ValidationReport;
import dev.slipway.migration.Problem;
import dev.slipway.migration.ProblemType;
import dev.slipway.migration.Version;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Each mistake is reported by validate() and stops migrate before it applies anything, naming files and fix. */
@ExtendWith(PostgresExtension.class)
class ValidationErrorsTest {
    private MigrationFolder folder;
    private TestDatabase db;

    @BeforeEach
    void freshDatabase(TestDatabase db, @TempDir Path dir) {
        db.recreate();
        this.db = db;
        folder = new MigrationFolder(db, dir)
                .write("V1__create_a.sql", "create table a (id int);\n");
    }

    @Test
    void twoFilesWithOneVersion() throws SQLException {
        folder.write("V2__create_b.sql", "create table b (id int);\n")
                .write("V2__create_c.sql", "create table c (id int);\n");

        Problem problem = onlyProblem(ProblemType.DUPLICATE_VERSION);
        assertThat(problem.message()).contains("V2__create_b.sql", "V2__create_c.sql");
        assertThat(problem.fix()).contains("Renumber");

        SlipwayException refused = migrateRefused();
        assertThat(refused.getMessage()).contains("V2__create_b.sql", "V2__create_c.sql", "next: ", "Renumber");
        assertThat(tables(db)).isEmpty();
    }

    @Test
    void aDownMigrationWithoutItsUp() throws SQLException {
        folder.write("U2__create_b.sql", "drop table b;\n");

        Problem problem = onlyProblem(ProblemType.ORPHAN_UNDO);
        assertThat(problem.message()).contains("U2__create_b.sql", "no migration has version 2");
        assertThat(problem.fix()).contains("V2__create_b.sql");

        SlipwayException refused = migrateRefused();
        assertThat(refused.getMessage()).contains("U2__create_b.sql", "V2__create_b.sql");
        assertThat(tables(db)).isEmpty();
    }

    @Test
    void anAppliedFileThatChanged() throws SQLException {
        folder.load().migrate();
        folder.write("V1__create_a.sql", "create table a (id bigint);\n")
                .write("V2__create_b.sql", "create table b (id int);\n");

        Problem problem = onlyProblem(ProblemType.CHECKSUM_CHANGED);
        assertThat(fileName(problem.files().get(0))).isEqualTo("V1__create_a.sql");
        assertThat(problem.message()).contains("V1__create_a.sql", "changed after it was applied");
        assertThat(problem.fix()).contains("new migration");

        SlipwayException refused = migrateRefused();
        assertThat(refused.getMessage()).contains("V1__create_a.sql", "changed after it was applied",
                "database: at version 1; nothing applied by this run", "next: ");
        assertThat(tables(db)).containsExactly("a");
    }

    @Test
    void aPendingVersionOlderThanTheNewestApplied() throws SQLException {
        folder.write("V3__create_c.sql", "create table c (id int);\n");
        folder.load().migrate();
        folder.write("V2__create_b.sql", "create table b (id int);\n");

        Problem problem = onlyProblem(ProblemType.OUT_OF_ORDER);
        assertThat(problem.message()).contains("V2__create_b.sql", "older than the newest applied version 3");
        assertThat(problem.fix()).contains("--out-of-order");
        assertThat(folder.load().status().pending()).extracting(StatusEntry::state)
                .containsExactly(PendingState.OUT_OF_ORDER);

        SlipwayException refused = migrateRefused();
        assertThat(refused.getMessage()).contains("V2__create_b.sql", "--out-of-order");
        assertThat(tables(db)).containsExactly("a", "c");

        MigrateResult result = folder.configure().outOfOrder(true).load().migrate();
        assertThat(result.applied()).extracting(a -> fileName(a.script())).containsExactly("V2__create_b.sql");
        assertThat(tables(db)).containsExactly("a", "b", "c");
        assertThat(folder.load().validate().problems()).isEmpty();
        assertThat(folder.load().status().current()).isEqualTo(Version.parse("3"));
    }

    @Test
    void anUnknownDirective() throws SQLException {
        folder.write("V2__create_index.sql", "create table b (id int);\n"
                + "-- slipway:no-transacton\n"
                + "create index b_id on b (id);\n");

        Problem problem = onlyProblem(ProblemType.SCRIPT);
        assertThat(problem.message()).contains("no-transacton", "no-transaction");
        assertThat(problem.fix()).contains("V2__create_index.sql:2");

        SlipwayException refused = migrateRefused();
        assertThat(refused.getMessage()).contains("V2__create_index.sql:2", "no-transaction");
        assertThat(tables(db)).as("V1 is not applied either").isEmpty();
    }

    @Test
    void anUnterminatedString() throws SQLException {
        folder.write("V2__insert.sql", "create table b (name text);\n"
                + "\n"
                + "insert into b values ('O''Brien);\n");

        Problem problem = onlyProblem(ProblemType.SCRIPT);
        assertThat(problem.message()).contains("V2__insert.sql:3");

        SlipwayException refused = migrateRefused();
        assertThat(refused.getMessage()).contains("V2__insert.sql:3");
        assertThat(tables(db)).as("V1 is not applied either").isEmpty();
    }

    private Problem onlyProblem(ProblemType type) {
        Slipway slipway = folder.load();
        ValidationReport report = slipway.validate();
        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).extracting(Problem::type).containsExactly(type);
        return report.problems().get(0);
    }

    private SlipwayException migrateRefused() {
        SlipwayException refused = catchThrowableOfType(() -> folder.load().migrate(), SlipwayException.class);
        assertThat(refused).as("migrate refuses").isNotNull();
        assertThat(refused.status()).isEqualTo(ExitStatus.USAGE);
        return refused;
    }
}
