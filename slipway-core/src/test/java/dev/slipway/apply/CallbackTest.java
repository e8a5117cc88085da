package dev.slipway.apply;

import static dev.slipway.apply.MigrationFolder.fileName;
import static dev.slipway.apply.MigrationFolder.tables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.slipway.SlipwayException;
import dev.slipway.history.AuditEntry;
import dev.slipway.lint.PlanOptions;
import dev.slipway.lint.PlanReport;
import dev.slipway.migration.Problem;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Flyway's beforeMigrate and afterMigrate callbacks, run by migrate on a real server. */
@ExtendWith(PostgresExtension.class)
class CallbackTest {
    private MigrationFolder folder;
    private TestDatabase db;

    @BeforeEach
    void migrationsWithCallbacks(TestDatabase db, @TempDir Path dir) throws SQLException {
        db.recreate();
        this.db = db;
        db.execute("create table runs (event text, at timestamptz default clock_timestamp())");
        folder = new MigrationFolder(db, dir)
                .write("V1__create_a.sql", "create table a (id int);\n")
                .write("beforeMigrate.sql", "insert into runs (event) values ('before');\n")
                .write("afterMigrate__grants.sql", "insert into runs (event) values ('after');\n"
                        + "grant select on all tables in schema public to public;\n");
    }

    @Test
    void beforeRunsFirstAndAfterLastOnEveryMigrateEvenWithNothingPending() throws SQLException {
        MigrateResult first = folder.load().migrate();

        assertThat(first.applied()).extracting(a -> fileName(a.script())).containsExactly("V1__create_a.sql");
        assertThat(db.queryString("select string_agg(event, ',' order by at) from runs")).isEqualTo("before,after");
        assertThat(db.queryLong("select count(*) from information_schema.role_table_grants where table_name = 'a'"
                + " and grantee = 'PUBLIC'")).as("afterMigrate saw the new table").isOne();

        folder.load().migrate();

        assertThat(db.queryString("select string_agg(event, ',' order by at) from runs"))
                .isEqualTo("before,after,before,after");
        assertThat(folder.load().history()).extracting(AuditEntry::action, e -> fileName(e.script())).containsExactly(
                tuple("callback", "beforeMigrate.sql"), tuple("apply", "V1__create_a.sql"),
                tuple("callback", "afterMigrate__grants.sql"), tuple("callback", "beforeMigrate.sql"),
                tuple("callback", "afterMigrate__grants.sql"));
        assertThat(folder.load().status().entries()).extracting(e -> fileName(e.script()))
                .containsExactly("V1__create_a.sql");
    }

    @Test
    void aFailingBeforeMigrateAppliesNothingAndAFailingAfterMigrateLeavesTheMigrationsApplied() throws SQLException {
        folder.write("beforeMigrate.sql", "insert into nowhere values (1);\n");
        SlipwayException before = catchThrowableOfType(SlipwayException.class, () -> folder.load().migrate());
        assertThat(before.getMessage()).contains("beforeMigrate.sql:1", "relation \"nowhere\" does not exist",
                "no version applied", "slipway migrate");
        assertThat(tables(db)).containsExactly("runs");

        folder.write("beforeMigrate.sql", "select 1;\n").write("afterMigrate__grants.sql", "insert into nowhere"
                + " values (1);\n");
        SlipwayException after = catchThrowableOfType(SlipwayException.class, () -> folder.load().migrate());
        assertThat(after.getMessage()).contains("afterMigrate__grants.sql:1", "at version 1",
                "nothing of it is applied");
        assertThat(tables(db)).containsExactly("a", "runs");
        assertThat(folder.load().history()).filteredOn(e -> e.outcome().equals("failed"))
                .extracting(e -> fileName(e.script()))
                .containsExactly("beforeMigrate.sql", "afterMigrate__grants.sql");
    }

    @Test
    void thePlanShowsTheCallbacksAroundThePendingMigrations() {
        PlanReport plan = folder.load().plan(null, PlanOptions.defaults());

        assertThat(plan.migrations()).extracting(m -> fileName(m.script())).containsExactly("beforeMigrate.sql",
                "V1__create_a.sql", "afterMigrate__grants.sql");
        assertThat(plan.migrations().get(2).statements()).extracting(PlanReport.Step::sql)
                .containsExactly("insert into runs (event) values ('after')",
                        "grant select on all tables in schema public to public");
    }

    @Test
    void aCallbackThatCannotRunInOneTransactionIsRefusedBeforeAnythingRuns() throws SQLException {
        folder.write("afterMigrate__grants.sql", "vacuum a;\n");

        SlipwayException refused = catchThrowableOfType(SlipwayException.class, () -> folder.load().migrate());

        assertThat(refused.getMessage()).contains("afterMigrate__grants.sql cannot run in one transaction",
                "nothing applied by this run");
        folder.write("beforeMigrate.sql", "insert into runs (event) values ('before);\n");
        assertThat(folder.load().validate().problems()).extracting(Problem::message).satisfiesExactlyInAnyOrder(
                message -> assertThat(message).contains("afterMigrate__grants.sql cannot run in one transaction"),
                message -> assertThat(message).contains("beforeMigrate.sql:1"));
        assertThat(tables(db)).containsExactly("runs");
        assertThat(db.queryLong("select count(*) from runs")).isZero();
    }
}
