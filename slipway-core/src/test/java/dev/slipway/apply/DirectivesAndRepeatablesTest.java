package dev.slipway.apply;

import static dev.slipway.apply.MigrationFolder.fileName;
import static dev.slipway.apply.MigrationFolder.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.slipway.Slipway;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts as directives set them, seen from inside the migration; repeatable migrations. */
@ExtendWith(PostgresExtension.class)
class DirectivesAndRepeatablesTest {
    private MigrationFolder folder;

    @BeforeEach
    void freshDatabase(TestDatabase db, @TempDir Path dir) throws SQLException {
        db.recreate();
        db.execute("create table seen (file text, line int, lock_timeout text, statement_timeout text)");
        folder = new MigrationFolder(db, dir);
    }

    @Test
    void fileAndStatementDirectivesSetTheTimeoutsOfTheirStatements(TestDatabase db) throws SQLException {
        folder.write("V1__defaults.sql", record("V1", 1))
                .write("V2__file_wide.sql", "-- slipway:lock-timeout 2s\n"
                        + record("V2", 2)
                        + "-- slipway:statement-timeout 5s\n"
                        + record("V2", 4)
                        + record("V2", 5))
                .write("V3__no_transaction.sql", "-- slipway:no-transaction\n"
                        + "-- slipway:lock-timeout 700ms\n"
                        + record("V3", 3)
                        + "-- slipway:lock-timeout 1s\n"
                        + record("V3", 5));

        folder.load().migrate();

        assertThat(strings(db, "select file || ':' || line || ' ' || lock_timeout || ' ' || statement_timeout"
                + " from seen order by file, line")).containsExactly(
                        "V1:1 300ms 0",
                        "V2:2 2s 0",
                        "V2:4 2s 5s",
                        "V2:5 2s 0",
                        "V3:3 700ms 0",
                        "V3:5 1s 0");
    }

    @Test
    void repeatableMigrationsRunAfterTheVersionedOnesAndAgainWhenTheyChange(TestDatabase db) throws SQLException {
        folder.write("V1__accounts.sql", "create table accounts (id int, active boolean);\n")
                .write("R__active_accounts.sql", "create or replace view active_accounts as"
                        + " select id from accounts where active;\n");
        Slipway slipway = folder.load();

        assertThat(slipway.migrate().applied()).extracting(a -> fileName(a.script()))
                .containsExactly("V1__accounts.sql", "R__active_accounts.sql");
        assertThat(folder.load().migrate().applied()).as("unchanged: not run again").isEmpty();

        folder.write("R__active_accounts.sql", "create or replace view active_accounts as"
                + " select id, active from accounts where active;\n");
        Slipway changed = folder.load();
        assertThat(changed.status().entries()).extracting(e -> fileName(e.script()), StatusEntry::state)
                .containsExactly(tuple("V1__accounts.sql", PendingState.APPLIED),
                        tuple("R__active_accounts.sql", PendingState.OUTDATED));

        assertThat(changed.migrate().applied()).extracting(a -> fileName(a.script()))
                .containsExactly("R__active_accounts.sql");
        assertThat(MigrationFolder.columns(db, "active_accounts")).containsExactly("id", "active");
        assertThat(changed.status().needsAttention()).isFalse();
        assertThat(changed.validate().problems()).isEmpty();
    }

    /** A statement that records the timeouts it runs under. */
    private static String record(String file, int line) {
        return "insert into seen values ('" + file + "', " + line + ", current_setting('lock_timeout'),"
                + " current_setting('statement_timeout'));\n";
    }
}
