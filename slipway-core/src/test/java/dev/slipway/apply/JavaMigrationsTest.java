package dev.slipway.apply;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Java migrations found on the class path, in one ordered set with SQL files. */
@ExtendWith(PostgresExtension.class)
class JavaMigrationsTest {
    @BeforeEach
    void freshDatabase(TestDatabase db) {
        db.recreate();
    }

    @Test
    void aJavaMigrationSeesThePlaceholdersTheScriptsSee(TestDatabase db, @TempDir Path dir) throws SQLException {
        new MigrationFolder(db, dir).write("V2__fill.sql", "insert into ${table} values (1);\n").configure()
                .locations(dir.toString(), "classpath:dev/slipway/apply/named").placeholder("table", "kennels")
                .load().migrate();

        assertThat(tables(db)).containsExactly("kennels");
        assertThat(db.queryLong("select count(*) from kennels")).isOne();
    }

    @Test
    void upAndDownWithSqlInBetween(TestDatabase db, @TempDir Path dir) throws SQLException {
        MigrationFolder folder = new MigrationFolder(db, dir)
                .write("V3__index_pet_names.sql", "create index pets_name on pets (name);\n")
                .write("U3__index_pet_names.sql", "drop index pets_name;\n");
        Slipway slipway = folder.configure().locations(dir.toString(), "classpath:dev/slipway/apply/pets").load();

        MigrateResult up = slipway.migrate();

        assertThat(up.applied()).extracting(AppliedMigration::version, AppliedMigration::description).containsExactly(
                tuple(Version.parse("1"), "Create pets"), tuple(Version.parse("2"), "Add pets"),
                tuple(Version.parse("3"), "index pet names"));
        assertThat(db.queryString("select string_agg(name, ',' order by id) from pets")).isEqualTo("REX,TOM");
        assertThat(db.queryString("select indexname from pg_indexes where tablename = 'pets' and indexname"
                + " = 'pets_name'")).isEqualTo("pets_name");
        assertThat(slipway.status().entries()).extracting(StatusEntry::state).containsOnly(PendingState.APPLIED);

        slipway.downgrade(new DowngradeTarget.To(Version.parse("1")));

        assertThat(db.queryLong("select count(*) from pets")).isZero();
        assertThat(db.queryString("select indexname from pg_indexes where indexname = 'pets_name'")).isNull();

        slipway.downgrade(new DowngradeTarget.Base());

        assertThat(tables(db)).isEmpty();
        assertThat(slipway.history()).extracting(AuditEntry::action, AuditEntry::version).containsExactly(
                tuple("apply", "1"), tuple("apply", "2"), tuple("apply", "3"),
                tuple("revert", "3"), tuple("revert", "2"), tuple("revert", "1"));
        assertThat(slipway.history().get(0).script()).endsWith("V1__Create_pets");
    }

    @Test
    void aFailingJavaMigrationIsRolledBackAndNamed(TestDatabase db, @TempDir Path dir) throws SQLException {
        Slipway slipway = new MigrationFolder(db, dir).configure().locations("classpath:dev/slipway/apply/broken")
                .load();

        SlipwayException failure = catchThrowableOfType(SlipwayException.class, slipway::migrate);

        assertThat(failure.status()).isEqualTo(ExitStatus.FAILED);
        assertThat(failure.getMessage()).contains("V1__Create_toys", "the toy catalogue is not reachable",
                "rolled back");
        assertThat(tables(db)).isEmpty();
        assertThat(slipway.status().entries()).extracting(StatusEntry::state).containsExactly(PendingState.FAILED);
    }
}
