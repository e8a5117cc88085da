package dev.slipway.apply;

import static dev.slipway.apply.MigrationFolder.columns;
import static dev.slipway.apply.MigrationFolder.fileName;
import static dev.slipway.apply.MigrationFolder.tables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.slipway.ExitStatus;
import dev.slipway.Slipway;
import dev.slipway.SlipwayException;
import dev.slipway.history.AuditEntry;
import dev.slipway.migration.Version;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** repair: accepting the file of an applied migration that changed after it ran, and nothing else. */
@ExtendWith(PostgresExtension.class)
class RepairTest {
    private MigrationFolder folder;
    private TestDatabase db;

    @BeforeEach
    void twoAppliedMigrations(TestDatabase db, @TempDir Path dir) {
        db.recreate();
        this.db = db;
        folder = new MigrationFolder(db, dir)
                .write("V1__create_a.sql", "create table a (id int);\n")
                .write("V2__create_b.sql", "create table b (id int);\n");
        folder.load().migrate();
    }

    @Test
    void anAcceptedFileNoLongerStopsMigrateAndTheAuditTrailSaysWhatItWas() throws SQLException {
        folder.write("V1__create_a.sql", "-- the table of a's\ncreate table a (id int);\n")
                .write("V3__create_c.sql", "create table c (id int);\n");
        SlipwayException refused = catchThrowableOfType(SlipwayException.class, () -> folder.load().migrate());
        assertThat(refused.getMessage()).contains("V1__create_a.sql", "changed after it was applied",
                "only comments, whitespace or the case of words changed", "slipway repair 1");

        RepairResult result = folder.load().repair();

        assertThat(result.accepted()).singleElement().satisfies(accepted -> {
            assertThat(accepted.version()).isEqualTo(Version.parse("1"));
            assertThat(fileName(accepted.script())).isEqualTo("V1__create_a.sql");
            assertThat(accepted.checksumNow()).isNotEqualTo(accepted.checksumThen());
            assertThat(accepted.edit()).isEqualTo(RepairResult.Edit.LAYOUT);
        });
        RepairResult.Accepted accepted = result.accepted().get(0);
        List<AuditEntry> trail = folder.load().history();
        assertThat(trail).last().satisfies(row -> {
            assertThat(row.action()).isEqualTo("repair");
            assertThat(row.version()).isEqualTo("1");
            assertThat(row.checksum()).isEqualTo(accepted.checksumNow());
            assertThat(row.detail()).contains("checksum " + accepted.checksumThen() + " when it ran",
                    accepted.checksumNow() + " now", "nothing ran");
        });
        assertThat(folder.load().status().entries()).filteredOn(e -> e.version() != null)
                .extracting(StatusEntry::state)
                .containsExactly(PendingState.APPLIED, PendingState.APPLIED, PendingState.PENDING);
        assertThat(folder.load().migrate().applied()).extracting(a -> fileName(a.script()))
                .containsExactly("V3__create_c.sql");
        assertThat(tables(db)).containsExactly("a", "b", "c");
    }

    @Test
    void aFileWhoseStatementsChangedIsRefusedUnlessThatIsAccepted() throws SQLException {
        folder.write("V1__create_a.sql", "CREATE TABLE A (ID INT);  -- upper case, a comment: the same statement\n")
                .write("V2__create_b.sql", "create table b (id bigint);\n");

        SlipwayException migrate = catchThrowableOfType(SlipwayException.class, () -> folder.load().migrate());
        assertThat(migrate.getMessage()).contains("V2__create_b.sql", "its statements are not those that ran",
                "write the change as a new migration").doesNotContain("slipway repair 2");
        SlipwayException refused = catchThrowableOfType(SlipwayException.class, () -> folder.load().repair());
        assertThat(refused.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(refused.getMessage()).contains("the statements of", "V2__create_b.sql",
                "database: not touched", "--accept-changed-statements").doesNotContain("V1__create_a.sql");
        assertThat(folder.load().status().entries()).extracting(StatusEntry::state, StatusEntry::detail)
                .containsExactly(tuple(PendingState.CHANGED, "only comments, whitespace or case changed; `slipway"
                        + " repair 1` accepts it"), tuple(PendingState.CHANGED, "its statements changed"));

        RepairResult result = folder.load().repair(List.of(), true);

        assertThat(result.accepted()).extracting(a -> fileName(a.script()), RepairResult.Accepted::edit)
                .containsExactly(tuple("V1__create_a.sql", RepairResult.Edit.LAYOUT),
                        tuple("V2__create_b.sql", RepairResult.Edit.STATEMENTS));
        assertThat(db.queryString("select data_type from information_schema.columns where table_name = 'b'"))
                .as("repair runs nothing").isEqualTo("integer");
    }

    @Test
    void aHistoryOfAnOlderSlipwayKeepsWorkingAndCannotTellWhatChanged() throws SQLException {
        db.execute("alter table slipway_history drop column statements_checksum");
        folder.write("V1__create_a.sql", "-- the table of a's\ncreate table a (id int);\n");

        assertThat(folder.load().status().entries()).extracting(StatusEntry::state)
                .containsExactly(PendingState.CHANGED, PendingState.APPLIED);
        SlipwayException refused = catchThrowableOfType(SlipwayException.class, () -> folder.load().migrate());
        assertThat(refused.getMessage()).contains("write the change as a new migration; or, if the edit does not"
                + " change what the migration does (comments, formatting), accept the file as it is with `slipway"
                + " repair 1`");
        assertThat(folder.load().repair().accepted()).extracting(RepairResult.Accepted::edit)
                .containsExactly(RepairResult.Edit.UNKNOWN);
        folder.write("V3__create_c.sql", "create table c (id int);\n");
        folder.load().migrate();
        assertThat(db.queryLong("select count(*) from slipway_history where statements_checksum is not null"))
                .as("the column is back, filled for what ran since").isOne();
    }

    @Test
    void versionsNamedAreTheOnlyOnesAccepted() throws SQLException {
        folder.write("V1__create_a.sql", "create table a (id int);  -- reformatted\n")
                .write("V2__create_b.sql", "create table b (id int);  -- reformatted\n");

        RepairResult result = folder.load().repair(Version.parse("2"));

        assertThat(result.accepted()).extracting(a -> fileName(a.script())).containsExactly("V2__create_b.sql");
        assertThat(folder.load().status().entries()).filteredOn(e -> e.version() != null)
                .extracting(StatusEntry::state).containsExactly(PendingState.CHANGED, PendingState.APPLIED);
        SlipwayException refused = catchThrowableOfType(SlipwayException.class, () -> folder.load().migrate());
        assertThat(refused.getMessage()).contains("V1__create_a.sql", "slipway repair 1")
                .doesNotContain("V2__create_b.sql");
    }

    @Test
    void aVersionWithNothingToAcceptIsRefusedAndNoneOfTheOthersIsAccepted() throws SQLException {
        folder.write("V1__create_a.sql", "-- the table of a's\ncreate table a (id int);\n")
                .write("V3__create_c.sql", "create table c (id int);\n");
        Slipway slipway = folder.load();
        int auditRows = slipway.history().size();

        assertThat(refusal(slipway, "1", "2")).contains("the file of version 2", "has the checksum of what ran",
                "at repair 2", "database: not touched", "slipway status");
        assertThat(refusal(slipway, "3")).contains("version 3 is not applied");
        assertThat(refusal(slipway, "7")).contains("no migration has version 7");

        assertThat(slipway.history()).hasSize(auditRows);
        assertThat(slipway.status().entries()).filteredOn(e -> e.version() != null).extracting(StatusEntry::state)
                .containsExactly(PendingState.CHANGED, PendingState.APPLIED, PendingState.PENDING);
    }

    @Test
    void aStampedMigrationIsNotComparedSoThereIsNothingToAccept() throws SQLException {
        folder.write("V3__create_c.sql", "create table c (id int);\n");
        folder.load().stamp(Version.parse("3"));
        folder.write("V3__create_c.sql", "create table c (id bigint);\n");

        assertThat(refusal(folder.load(), "3")).contains("version 3 was recorded by stamp, not run");
        assertThat(folder.load().repair().accepted()).isEmpty();
        assertThat(columns(db, "c")).isEmpty();
    }

    @Test
    void withNothingChangedNothingIsRecorded() {
        Slipway slipway = folder.load();
        int auditRows = slipway.history().size();

        assertThat(slipway.repair().accepted()).isEmpty();

        assertThat(slipway.history()).hasSize(auditRows);
    }

    @Test
    void aDatabaseSlipwayNeverRanOnHasNothingToRepairAndGetsNoHistoryTables(@TempDir Path other) throws SQLException {
        db.recreate();
        MigrationFolder elsewhere = new MigrationFolder(db, other)
                .write("V1__create_a.sql", "create table a (id int);\n");

        assertThat(elsewhere.load().repair().accepted()).isEmpty();
        assertThat(refusal(elsewhere.load(), "1")).contains("version 1 is not applied");
        assertThat(db.queryLong("select count(*) from pg_tables where tablename like 'slipway%'")).isZero();
    }

    private static String refusal(Slipway slipway, String... versions) {
        Version[] parsed = java.util.Arrays.stream(versions).map(Version::parse).toArray(Version[]::new);
        SlipwayException refused = catchThrowableOfType(SlipwayException.class, () -> slipway.repair(parsed));
        assertThat(refused.status()).isEqualTo(ExitStatus.USAGE);
        return refused.getMessage();
    }
}
