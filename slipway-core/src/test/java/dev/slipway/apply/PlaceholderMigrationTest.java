package dev.slipway.apply;

import static dev.slipway.apply.MigrationFolder.fileName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.ExitStatus;
import dev.slipway.SlipwayException;
import dev.slipway.ValidationReport;
import dev.slipway.migration.Checksums;
import dev.slipway.migration.ProblemType;
import dev.slipway.migration.ScriptSource;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Flyway-style ${name} placeholders, replaced before a script is planned or run, on a real server. */
@ExtendWith(PostgresExtension.class)
class PlaceholderMigrationTest {
    private static final String SCRIPT = "create schema ${schema};\n"
            + "create table ${schema}.users (id bigint primary key);\n";
    private MigrationFolder folder;
    private TestDatabase db;

    @BeforeEach
    void oneScriptWithPlaceholders(TestDatabase db, @TempDir Path dir) {
        db.recreate();
        this.db = db;
        folder = new MigrationFolder(db, dir).write("V1__users.sql", SCRIPT);
    }

    @Test
    void theScriptRunsWithTheValuesAndIsRecordedWithTheChecksumOfTheFileAsWritten() throws SQLException {
        MigrateResult result = folder.configure().placeholder("schema", "app").load().migrate();

        assertThat(result.applied()).extracting(a -> fileName(a.script())).containsExactly("V1__users.sql");
        assertThat(db.queryLong("select count(*) from pg_tables where schemaname = 'app' and tablename = 'users'"))
                .isOne();
        assertThat(db.queryLong("select checksum from public.slipway_history where version = '1'"))
                .isEqualTo(Checksums.crc32(ScriptSource.ofText(SCRIPT), "V1__users.sql"));
        // another installation's value is not a change of the file
        assertThat(folder.configure().placeholder("schema", "other").load().status().entries())
                .extracting(StatusEntry::state).containsExactly(PendingState.APPLIED);
    }

    @Test
    void aPlaceholderWithoutAValueStopsMigrateBeforeAnythingRuns() throws SQLException {
        folder.write("V2__grant.sql", "grant select on ${schema}.users to ${reader};\n");

        ValidationReport report = folder.configure().placeholder("schema", "app").load().validate();
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.type()).isEqualTo(ProblemType.SCRIPT);
            assertThat(problem.message()).contains("V2__grant.sql:1: no value for placeholder ${reader}");
        });
        SlipwayException refused = catchThrowableOfType(SlipwayException.class,
                () -> folder.configure().placeholder("schema", "app").load().migrate());

        assertThat(refused.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(refused.getMessage()).contains("V2__grant.sql:1", "no value for placeholder ${reader}");
        assertThat(db.queryLong("select count(*) from pg_namespace where nspname = 'app'")).isZero();
    }
}
