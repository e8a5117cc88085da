package dev.slipway.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.Slipway;
import dev.slipway.SlipwayException;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration role with the privileges application roles usually have (CREATE on a schema, not on the database;
 * owner of the tables it made, not of one made by hand): {@code plan} predicts "must be owner of table" before
 * anything runs, PostgreSQL agrees when the migration runs, and a history schema the role may not create is named.
 */
@ExtendWith(PostgresExtension.class)
class OwnerPlanTest {
    private final String role = "slipway_app_" + ProcessHandle.current().pid();
    private final String password = "app-password-" + System.nanoTime();
    private TestDatabase db;
    @TempDir
    Path migrations;

    @BeforeEach
    void aTableOfTheMigrationRoleAndOneMadeByHandAsAnotherRole(TestDatabase db) throws Exception {
        this.db = db;
        db.recreate();
        // like many application roles: CREATE on the schema, not on the database
        db.execute("create role " + role + " login password '" + password + "';"
                + " grant create on schema public to " + role + ";"
                + " create table legacy (id bigint primary key);");
        slipway("create table mine (id bigint primary key);\n").migrate();
    }

    @AfterEach
    void dropTheRole() throws SQLException {
        db.recreate();
        db.execute("drop role " + role);
    }

    /** {@return a Slipway that connects as the migration role, with {@code sql} as the next migration} */
    private Slipway slipway(String sql) throws IOException {
        boolean first;
        try (Stream<Path> files = Files.list(migrations)) {
            first = files.findAny().isEmpty();
        }
        Files.writeString(migrations.resolve(first ? "V1__mine.sql" : "V2__change.sql"), sql);
        return Slipway.configure().url("postgresql://" + role + ":" + password + "@" + db.server().host() + ":"
                + db.server().port() + "/" + db.name()).locations(migrations.toString()).load();
    }

    @Test
    void alteringIndexingOrDroppingATableTheRoleDoesNotOwnIsAPredictedFailureAndPostgresAgrees() throws Exception {
        Slipway slipway = slipway("alter table mine add column note text;\n"
                + "alter table legacy add column note text;\n"
                + "create index legacy_note_idx on legacy (note);\n");

        PlanReport plan = slipway.plan(null, PlanOptions.defaults());
        String superuser = db.queryString("select current_user");

        assertThat(plan.verdict()).isEqualTo(PlanReport.Verdict.UNSAFE);
        assertThat(plan.reasons()).contains("2 statement(s) will fail: the role that runs them does not own what"
                + " they change");
        PlanReport.Migration migration = plan.migrations().get(0);
        assertThat(migration.statements().get(0).predictions()).isEmpty();
        for (PlanReport.Step step : migration.statements().subList(1, 3)) {
            assertThat(step.predictions()).singleElement().satisfies(prediction -> {
                assertThat(prediction.outcome()).isEqualTo(PlanReport.Outcome.WILL_FAIL);
                assertThat(prediction.detail()).startsWith("must be owner of legacy: it belongs to "
                        + superuser + ", and " + role + ", the role that runs the migrations, is not a member of "
                        + superuser);
            });
        }

        SlipwayException failed = catchThrowableOfType(SlipwayException.class, slipway::migrate);
        assertThat(failed.getMessage()).contains("must be owner of table legacy", "V2__change.sql:2");
        assertThat(db.queryLong("select count(*) from information_schema.columns where column_name = 'note'"))
                .as("the file ran in one transaction, rolled back").isZero();

        db.execute("alter table legacy owner to " + role);
        PlanReport owned = slipway.plan(null, PlanOptions.defaults());
        assertThat(owned.verdict()).as("the index build is still a warning").isEqualTo(PlanReport.Verdict.REVIEW);
        assertThat(owned.migrations().get(0).statements()).allSatisfy(step -> assertThat(step.predictions())
                .isEmpty());
        slipway.migrate();
        assertThat(db.queryLong("select count(*) from information_schema.columns where column_name = 'note'"))
                .isEqualTo(2);
    }

    @Test
    void refreshingAMaterializedViewOfAnotherRoleIsAPredictedFailureToo() throws Exception {
        db.execute("create materialized view legacy_count as select count(*) from legacy");
        Slipway slipway = slipway("refresh materialized view legacy_count;\n");

        PlanReport plan = slipway.plan(null, PlanOptions.defaults());

        assertThat(plan.migrations().get(0).statements().get(0).predictions()).singleElement()
                .satisfies(prediction -> assertThat(prediction.detail()).startsWith("must be owner of legacy_count"));
        SlipwayException failed = catchThrowableOfType(SlipwayException.class, slipway::migrate);
        assertThat(failed.getMessage()).contains("must be owner of materialized view legacy_count");
    }

    @Test
    void aRoleThatMayNotCreateTheHistorySchemaIsToldSoBeforeAnythingRuns() throws Exception {
        Files.writeString(migrations.resolve("V2__change.sql"), "create table other (id int);\n");
        Slipway elsewhere = Slipway.configure().url("postgresql://" + role + ":" + password + "@"
                + db.server().host() + ":" + db.server().port() + "/" + db.name()).locations(migrations.toString())
                .historySchema("migrations_audit").load();

        SlipwayException refused = catchThrowableOfType(SlipwayException.class, elsewhere::migrate);

        assertThat(refused.getMessage()).contains("could not create Slipway's history tables in schema"
                + " migrations_audit", "permission denied", "database: not touched: nothing ran",
                "--history-schema").doesNotContain("connection failed", password);
        assertThat(db.queryLong("select count(*) from pg_tables where tablename = 'other'")).isZero();
    }

    @Test
    void afterSetRoleTheRoleThatRunsTheRestIsUnknownSoNothingIsPredicted() throws Exception {
        PlanReport plan = slipway("set role " + db.queryString("select current_user")
                + ";\nalter table legacy add column note text;\n").plan(null, PlanOptions.defaults());

        assertThat(plan.migrations().get(0).statements()).allSatisfy(step -> assertThat(step.predictions())
                .isEmpty());
    }
}
