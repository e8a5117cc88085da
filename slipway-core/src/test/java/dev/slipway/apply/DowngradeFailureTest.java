package dev.slipway.apply;

import static dev.slipway.apply.MigrationFolder.columns;
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

/** Down migrations that fail half way. */
@ExtendWith(PostgresExtension.class)
class DowngradeFailureTest {
    private MigrationFolder folder;

    @BeforeEach
    void customersWithEmails(TestDatabase db, @TempDir Path dir) {
        db.recreate();
        folder = new MigrationFolder(db, dir)
                .write("V1__customers.sql", "create table customers (id int primary key, email text);\n"
                        + "insert into customers values (1, 'a@example.com'), (2, null);\n")
                .write("U1__customers.sql", "drop table customers;\n")
                .write("V2__email_index.sql", "create index concurrently customers_email on customers (email);\n"
                        + "create table audit_log (id int);\n");
    }

    @Test
    void aFailingTransactionalDownLeavesTheMigrationApplied(TestDatabase db) throws SQLException {
        folder.write("U2__email_index.sql", "drop table audit_log;\n")
                .write("V3__email_required.sql", "alter table customers add column verified boolean;\n")
                .write("U3__email_required.sql", "alter table customers drop column verified;\n"
                        + "alter table customers alter column email set not null;\n");
        Slipway slipway = folder.load();
        slipway.migrate();

        SlipwayException failure = catchThrowableOfType(() -> slipway.downgrade(new DowngradeTarget.Base()),
                SlipwayException.class);

        assertThat(failure.status()).isEqualTo(ExitStatus.FAILED);
        assertThat(failure.getMessage()).contains("U3__email_required.sql failed", "23502",
                "U3__email_required.sql:2", "database: at version 3;", "the migration is still applied");
        assertThat(columns(db, "customers")).as("its first statement is rolled back too")
                .containsExactly("id", "email", "verified");
        assertThat(slipway.status().current()).isEqualTo(Version.parse("3"));
        assertThat(slipway.history()).extracting(AuditEntry::action, AuditEntry::version, AuditEntry::outcome)
                .endsWith(tuple("revert", "3", "failed"));
    }

    @Test
    void aNonTransactionalDownCutOffResumesOnTheNextDowngrade(TestDatabase db) throws SQLException {
        folder.write("U2__email_index.sql", "drop index concurrently customers_email;\n"
                + "insert into audit_log values (1);\n"
                + "insert into audit_log values ('one');\n"
                + "create table downgrade_done (id int);\n");
        Slipway slipway = folder.load();
        slipway.migrate();

        SlipwayException failure = catchThrowableOfType(() -> slipway.downgrade(new DowngradeTarget.Steps(1)),
                SlipwayException.class);

        assertThat(failure.getMessage()).contains("U2__email_index.sql:3", "2 step(s) done",
                "re-running the downgrade resumes");
        assertThat(slipway.status().entries()).extracting(StatusEntry::version, StatusEntry::state).containsExactly(
                tuple(Version.parse("1"), PendingState.APPLIED), tuple(Version.parse("2"), PendingState.REVERTING));

        folder.write("U2__email_index.sql", "drop index concurrently customers_email;\n"
                + "insert into audit_log values (1);\n"
                + "insert into audit_log values (2);\n"
                + "create table downgrade_done (id int);\n");
        folder.load().downgrade(new DowngradeTarget.Steps(1));

        assertThat(db.queryString("select string_agg(id::text, ',' order by id) from audit_log"))
                .as("the insert of step 2 ran once").isEqualTo("1,2");
        assertThat(tables(db)).containsExactly("audit_log", "customers", "downgrade_done");
        assertThat(db.queryString("select indexname from pg_indexes where indexname = 'customers_email'")).isNull();
        assertThat(slipway.status().current()).isEqualTo(Version.parse("1"));
        assertThat(slipway.status().needsAttention()).isFalse();
    }
}
