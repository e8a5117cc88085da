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
import dev.slipway.migration.Problem;
import dev.slipway.migration.ProblemType;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Files that carry their own BEGIN; ... COMMIT; (golang-migrate and dbmate projects have many). */
@ExtendWith(PostgresExtension.class)
class OwnTransactionBlocksTest {
    private MigrationFolder folder;

    @BeforeEach
    void freshDatabase(TestDatabase db, @TempDir Path dir) {
        db.recreate();
        folder = new MigrationFolder(db, dir);
    }

    @Test
    void runsBlockByBlockAndIsRecordedAsApplied(TestDatabase db) throws SQLException {
        folder.write("001_plans.up.sql", """
                create table plans (id int primary key, name text);

                BEGIN;
                insert into plans values (1, 'free');
                insert into plans values (2, 'pro');
                COMMIT;

                begin;
                create table prices (plan_id int references plans, cents int);
                insert into prices values (2, 900);
                commit;
                """)
                .write("001_plans.down.sql", "drop table prices;\ndrop table plans;\n");
        Slipway slipway = folder.load();

        MigrateResult result = slipway.migrate();

        assertThat(result.applied()).extracting(a -> fileName(a.script())).containsExactly("001_plans.up.sql");
        assertThat(tables(db)).containsExactly("plans", "prices");
        assertThat(db.queryLong("select count(*) from plans")).isEqualTo(2);
        assertThat(folder.events(ApplyEvent.Starting.class)).singleElement()
                .satisfies(s -> assertThat(s.whyStepByStep()).contains("manages its own transactions", "line 3"));
        assertThat(slipway.status().entries()).extracting(StatusEntry::state).containsExactly(PendingState.APPLIED);
        assertThat(slipway.history()).extracting(AuditEntry::action, AuditEntry::outcome)
                .containsExactly(tuple("apply", "success"));

        slipway.downgrade(new DowngradeTarget.Base());
        assertThat(tables(db)).isEmpty();
    }

    @Test
    void aFailingBlockKeepsTheBlocksBeforeItAndTheReRunResumesAfterThem(TestDatabase db) throws SQLException {
        folder.write("V1__plans.sql", """
                BEGIN;
                create table plans (id int primary key, name text);
                insert into plans values (1, 'free');
                COMMIT;

                BEGIN;
                insert into plans values (2, 'pro');
                insert into plans values (1, 'again');
                COMMIT;
                """);
        Slipway slipway = folder.load();

        SlipwayException failure = catchThrowableOfType(slipway::migrate, SlipwayException.class);

        assertThat(failure.getMessage()).contains("23505", "V1__plans.sql:8", "1 step(s) done and recorded");
        assertThat(db.queryLong("select count(*) from plans")).as("the second block is rolled back").isEqualTo(1);
        assertThat(slipway.status().entries()).extracting(StatusEntry::state).containsExactly(PendingState.PARTIAL);

        db.execute("delete from plans");
        MigrateResult result = slipway.migrate();

        assertThat(result.applied()).hasSize(1);
        assertThat(db.queryString("select string_agg(name, ',' order by id) from plans"))
                .as("only the second block ran again").isEqualTo("again,pro");
    }

    @Test
    void aBeginWithoutCommitIsAnErrorWithItsLine(TestDatabase db) throws SQLException {
        folder.write("V1__plans.sql", "create table plans (id int);\n")
                .write("V2__prices.sql", """
                        create table prices (cents int);

                        BEGIN;
                        insert into prices values (900);
                        """);
        Slipway slipway = folder.load();

        Problem problem = slipway.validate().problems().get(0);
        assertThat(problem.type()).isEqualTo(ProblemType.SCRIPT);
        assertThat(problem.message()).contains("BEGIN without a COMMIT");
        assertThat(problem.fix()).contains("V2__prices.sql:3");

        SlipwayException failure = catchThrowableOfType(slipway::migrate, SlipwayException.class);
        assertThat(failure.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(failure.getMessage()).contains("BEGIN without a COMMIT", "V2__prices.sql:3",
                "database: no version applied; nothing applied by this run");
        assertThat(tables(db)).isEmpty();
    }
}
