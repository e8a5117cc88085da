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
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A statement failing in the middle of a transactional migration. */
@ExtendWith(PostgresExtension.class)
class FailingStatementTest {
    private static final String BROKEN = """
            create table accounts (id int primary key, owner text);
            insert into accounts values (1, 'ann');

            -- the owners come from the old table
            insert into accounts (id, owner)
            select id, name
              from old_owners;
            create table ledger (id int);
            """;

    private MigrationFolder folder;

    @BeforeEach
    void freshDatabase(TestDatabase db, @TempDir Path dir) {
        db.recreate();
        folder = new MigrationFolder(db, dir)
                .write("V1__create_a.sql", "create table a (id int);\n")
                .write("V2__accounts.sql", BROKEN)
                .write("V3__create_c.sql", "create table c (id int);\n");
    }

    @Test
    void theMigrationIsRolledBackWholeAndTheMessageGivesTheLineInTheFile(TestDatabase db) throws SQLException {
        Slipway slipway = folder.load();

        SlipwayException failure = catchThrowableOfType(SlipwayException.class, slipway::migrate);

        assertThat(failure.status()).isEqualTo(ExitStatus.FAILED);
        assertThat(failure.getMessage())
                .contains("V2__accounts.sql failed", "old_owners", "42P01")
                .contains("at " + folder.dir().resolve("V2__accounts.sql") + ":7")
                .contains("database: at version 1;", "rolled back, nothing of it is applied")
                .contains("next: fix ");
        assertThat(tables(db)).as("V2's first statements are rolled back, V3 never ran").containsExactly("a");

        StatusReport status = slipway.status();
        assertThat(status.current()).isEqualTo(Version.parse("1"));
        assertThat(status.entries()).extracting(e -> fileName(e.script()), StatusEntry::state).containsExactly(
                tuple("V1__create_a.sql", PendingState.APPLIED),
                tuple("V2__accounts.sql", PendingState.FAILED),
                tuple("V3__create_c.sql", PendingState.PENDING));
        assertThat(status.entries().get(1).detail()).contains("old_owners");

        List<AuditEntry> audit = slipway.history();
        assertThat(audit).extracting(AuditEntry::action, AuditEntry::version, AuditEntry::outcome)
                .containsExactly(tuple("apply", "1", "success"), tuple("apply", "2", "failed"));
        assertThat(audit.get(1).detail()).contains("old_owners", "V2__accounts.sql:7");

        Slipway throughAnotherSpelling = Slipway.configure().dataSource(db.dataSource())
                .locations(Path.of("").toAbsolutePath().relativize(folder.dir()).toString()).load();
        assertThat(throughAnotherSpelling.status().entries().get(1).script())
                .isNotEqualTo(status.entries().get(1).script());
        assertThat(throughAnotherSpelling.status().entries()).extracting(StatusEntry::state)
                .as("the failure is found by version, whatever path reached the file")
                .containsExactly(PendingState.APPLIED, PendingState.FAILED, PendingState.PENDING);
    }

    @Test
    void aStatementWithoutAPositionIsReportedAtItsFirstLine(TestDatabase db) throws SQLException {
        folder.write("V2__accounts.sql", """
                create table accounts (id int primary key);

                insert into accounts
                values (1), (1);
                """);

        SlipwayException failure = catchThrowableOfType(SlipwayException.class, () -> folder.load().migrate());

        assertThat(failure.getMessage()).contains("duplicate key", "23505",
                "at " + folder.dir().resolve("V2__accounts.sql") + ":3");
        assertThat(tables(db)).containsExactly("a");
    }

    @Test
    void theFixedFileThenApplies(TestDatabase db) throws SQLException {
        catchThrowableOfType(SlipwayException.class, () -> folder.load().migrate());
        folder.write("V2__accounts.sql", BROKEN.replace("from old_owners", "from (values (2, 'bob')) o(id, name)"));

        MigrateResult result = folder.load().migrate();

        assertThat(result.from()).isEqualTo(Version.parse("1"));
        assertThat(result.applied()).extracting(a -> fileName(a.script()))
                .containsExactly("V2__accounts.sql", "V3__create_c.sql");
        assertThat(tables(db)).containsExactly("a", "accounts", "c", "ledger");
        assertThat(db.queryLong("select count(*) from accounts")).isEqualTo(2);
        Slipway slipway = folder.load();
        assertThat(slipway.status().needsAttention()).isFalse();
        assertThat(slipway.status().pending()).isEmpty();
        assertThat(slipway.history()).extracting(AuditEntry::version, AuditEntry::outcome).containsExactly(
                tuple("1", "success"), tuple("2", "failed"), tuple("2", "success"), tuple("3", "success"));
    }
}
