package dev.slipway.apply;

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
import dev.slipway.sandbox.Sandbox;
import dev.slipway.sandbox.TestSandboxes;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Starting from a baseline file, and adopting a database whose schema was made some other way. */
@ExtendWith(PostgresExtension.class)
class BaselineAndStampTest {
    private MigrationFolder folder;

    @BeforeEach
    void threeMigrations(TestDatabase db, @TempDir Path dir) {
        db.recreate();
        folder = new MigrationFolder(db, dir)
                .write("V1__create_a.sql", "create table a (id int);\n")
                .write("V2__create_b.sql", "create table b (id int);\n")
                .write("V3__create_c.sql", "create table c (id int);\n");
    }

    @Test
    void anAlembicDatabaseIsRefusedUntilABaselineNamesItsVersion(TestDatabase db) throws SQLException {
        db.execute("create table a (id int); create table b (id int);"
                + " create table alembic_version (version_num varchar(32) primary key);"
                + " insert into alembic_version values ('ae1027a6acf')");
        Slipway slipway = folder.load();

        SlipwayException migrate = catchThrowableOfType(SlipwayException.class, slipway::migrate);
        assertThat(migrate.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(migrate.getMessage()).contains("managed by Alembic (alembic_version holds ae1027a6acf)",
                "database: not touched", "slipway baseline --version <V>");
        SlipwayException guess = catchThrowableOfType(SlipwayException.class, () -> slipway.baseline(null));
        assertThat(guess.getMessage()).contains("at Alembic revision ae1027a6acf",
                "the newest migration whose changes the database already has");
        assertThat(tables(db)).containsExactly("a", "alembic_version", "b");

        slipway.baseline(Version.parse("2"));
        MigrateResult result = slipway.migrate();

        assertThat(result.applied()).extracting(a -> fileName(a.script())).containsExactly("V3__create_c.sql");
        assertThat(slipway.history()).first().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("baseline");
            assertThat(entry.detail()).isEqualTo("adopted from Alembic revision ae1027a6acf (alembic_version, left as"
                    + " it was)");
        });
    }

    @Test
    void aBaselineFileReplacesTheVersionsBelowItOnAnEmptyDatabase(TestDatabase db) throws SQLException {
        folder.write("B2__schema_as_of_2.sql", "create table a (id int);\ncreate table b (id int);\n");
        Slipway slipway = folder.load();

        MigrateResult result = slipway.migrate();

        assertThat(result.applied()).extracting(a -> fileName(a.script()))
                .containsExactly("B2__schema_as_of_2.sql", "V3__create_c.sql");
        assertThat(tables(db)).containsExactly("a", "b", "c");
        assertThat(slipway.status().entries()).extracting(e -> fileName(e.script()), StatusEntry::state)
                .containsExactly(
                        tuple("V1__create_a.sql", PendingState.BELOW_BASELINE),
                        tuple("B2__schema_as_of_2.sql", PendingState.APPLIED),
                        tuple("V2__create_b.sql", PendingState.BELOW_BASELINE),
                        tuple("V3__create_c.sql", PendingState.APPLIED));
        assertThat(slipway.status().current()).isEqualTo(Version.parse("3"));
        assertThat(slipway.migrate().applied()).isEmpty();
    }

    @Test
    void oldMigrationsSquashedIntoABaselineFileMayBeRemovedFromADatabaseThatRanThem(TestDatabase db)
            throws Exception {
        folder.load().migrate();
        folder.write("B2__schema_as_of_2.sql", "create table a (id int);\ncreate table b (id int);\n")
                .delete("V1__create_a.sql").delete("V2__create_b.sql")
                .write("V4__create_d.sql", "create table d (id int);\n");
        Slipway slipway = folder.load();

        assertThat(slipway.validate().problems()).isEmpty();
        assertThat(slipway.status().entries()).extracting(e -> fileName(e.script()), StatusEntry::state,
                StatusEntry::detail).containsExactly(
                        tuple("V1__create_a.sql", PendingState.APPLIED, "file removed; " + folder.dir()
                                .resolve("B2__schema_as_of_2.sql") + " stands for it"),
                        tuple("V2__create_b.sql", PendingState.APPLIED, "file removed; " + folder.dir()
                                .resolve("B2__schema_as_of_2.sql") + " stands for it"),
                        tuple("V3__create_c.sql", PendingState.APPLIED, null),
                        tuple("V4__create_d.sql", PendingState.PENDING, null));
        assertThat(slipway.migrate().applied()).extracting(a -> fileName(a.script()))
                .containsExactly("V4__create_d.sql");
        try (Sandbox sandbox = TestSandboxes.onServerOf(db)) {
            assertThat(folder.load().drift(sandbox).differences()).isEmpty();
        }

        folder.delete("B2__schema_as_of_2.sql");
        SlipwayException missing = catchThrowableOfType(SlipwayException.class, () -> folder.load().migrate());
        assertThat(missing.getMessage()).contains("version 1", "its file is gone", "add a baseline file");
    }

    @Test
    void aBaselineFileIsIgnoredOnADatabaseThatAlreadyHasHistory(TestDatabase db) throws SQLException {
        folder.load().migrate(Version.parse("1"));
        folder.write("B2__schema_as_of_2.sql", "create table a (id int);\ncreate table b (id int);\n");

        MigrateResult result = folder.load().migrate();

        assertThat(result.applied()).extracting(a -> fileName(a.script()))
                .containsExactly("V2__create_b.sql", "V3__create_c.sql");
        assertThat(tables(db)).containsExactly("a", "b", "c");
    }

    @Test
    void stampRecordsVersionsAsAppliedWithoutRunningThem(TestDatabase db) throws SQLException {
        db.execute("create table a (id int); create table b (id int)");
        Slipway slipway = folder.load();

        StampResult stamp = slipway.stamp(Version.parse("2"));

        assertThat(stamp.stamped()).extracting(MigrationFolder::fileName)
                .containsExactly("V1__create_a.sql", "V2__create_b.sql");
        StatusReport status = slipway.status();
        assertThat(status.current()).isEqualTo(Version.parse("2"));
        assertThat(status.entries()).extracting(StatusEntry::state, StatusEntry::detail).containsExactly(
                tuple(PendingState.APPLIED, "stamp"), tuple(PendingState.APPLIED, "stamp"),
                tuple(PendingState.PENDING, null));

        assertThat(slipway.migrate().applied()).extracting(a -> fileName(a.script()))
                .containsExactly("V3__create_c.sql");
        assertThat(tables(db)).containsExactly("a", "b", "c");

        StampResult back = slipway.stamp(Version.parse("1"));

        assertThat(back.unstamped()).extracting(MigrationFolder::fileName)
                .containsExactlyInAnyOrder("V2__create_b.sql", "V3__create_c.sql");
        assertThat(tables(db)).as("stamp never runs anything").containsExactly("a", "b", "c");
        assertThat(slipway.status().current()).isEqualTo(Version.parse("1"));
        assertThat(slipway.history()).extracting(AuditEntry::action).containsExactly(
                "stamp", "stamp", "apply", "unstamp", "unstamp");
    }

    @Test
    void stampOfAnUnknownVersionChangesNothing(TestDatabase db) throws SQLException {
        Slipway slipway = folder.load();

        SlipwayException failure = catchThrowableOfType(SlipwayException.class,

                () -> slipway.stamp(Version.parse("7")));

        assertThat(failure.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(failure.getMessage()).contains("no migration has version 7", "next: ");
        assertThat(slipway.status().current()).isNull();
    }

    @Test
    void baselineAtAVersionSkipsEverythingUpToIt(TestDatabase db) throws SQLException {
        db.execute("create table a (id int); create table b (id int)");
        Slipway slipway = folder.load();

        BaselineResult baseline = slipway.baseline(Version.parse("2"));

        assertThat(baseline.adopted()).isZero();
        assertThat(slipway.migrate().applied()).extracting(a -> fileName(a.script()))
                .containsExactly("V3__create_c.sql");
        assertThat(slipway.status().entries()).extracting(StatusEntry::state).containsExactly(
                PendingState.BELOW_BASELINE, PendingState.BELOW_BASELINE, PendingState.APPLIED, PendingState.APPLIED);

        SlipwayException again = catchThrowableOfType(SlipwayException.class,

                () -> slipway.baseline(Version.parse("2")));
        assertThat(again.getMessage()).contains("already has a Slipway history", "slipway stamp");
    }

    @Test
    void downgradeToBaseStopsAtTheBaselineAndStepsPastItAreRefused(TestDatabase db) throws SQLException {
        db.execute("create table a (id int); create table b (id int)");
        folder.write("V4__create_d.sql", "create table d (id int);\n")
                .write("U3__create_c.sql", "drop table c;\n")
                .write("U4__create_d.sql", "drop table d;\n");
        Slipway slipway = folder.load();
        slipway.baseline(Version.parse("2"));
        slipway.migrate();

        SlipwayException pastIt = catchThrowableOfType(SlipwayException.class,

                () -> slipway.downgrade(new DowngradeTarget.Steps(3)));
        assertThat(pastIt.getMessage()).contains("version 2 is the baseline");
        assertThat(tables(db)).as("nothing reverted").containsExactly("a", "b", "c", "d");

        DowngradeResult result = slipway.downgrade(new DowngradeTarget.Base());

        assertThat(result.reverted()).extracting(a -> fileName(a.script()))
                .containsExactly("U4__create_d.sql", "U3__create_c.sql");
        assertThat(result.to()).isEqualTo(Version.parse("2"));
        assertThat(tables(db)).containsExactly("a", "b");
        assertThat(slipway.status().current()).isEqualTo(Version.parse("2"));
    }
}
