package dev.slipway.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.ExitStatus;
import dev.slipway.SlipwayException;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -- slipway:batch key=id size=N}: the UPDATE or DELETE below runs in ranges of N keys, each range in a
 * transaction of its own that records how far it got, so a run cut off half-way resumes after the last committed
 * batch and no row is changed twice.
 */
@ExtendWith(PostgresExtension.class)
class BatchDirectiveTest {
    private MigrationFolder folder;

    @BeforeEach
    void ordersWithoutTotals(TestDatabase db, @TempDir Path dir) throws SQLException {
        db.recreate();
        db.execute("create table orders (id int primary key, cents int, total text, touched int not null default 0);"
                + " insert into orders (id, cents) select g, g * 100 from generate_series(1, 35) g");
        folder = new MigrationFolder(db, dir);
    }

    @Test
    void anUpdateRunsInOneCommittedTransactionPerRangeOfKeys(TestDatabase db) throws SQLException {
        folder.write("V1__backfill_totals.sql", """
                alter table orders add column note text;

                -- slipway:batch key=id size=10
                update orders set total = (cents / 100)::text where cents > 500;
                """);

        folder.load().migrate();

        assertThat(db.queryLong("select count(*) from orders where total is null")).isEqualTo(5);
        assertThat(db.queryString("select total from orders where id = 35")).isEqualTo("35");
        // the changed rows, 6 to 35, lie in four ranges of keys (1-10, 11-20, 21-30, 31-35), each written by a
        // transaction of its own
        assertThat(db.queryLong("select count(distinct xmin::text) from orders where total is not null"))
                .isEqualTo(4);
        assertThat(folder.events(ApplyEvent.Note.class)).singleElement().satisfies(note -> {
            assertThat(note.script()).endsWith("V1__backfill_totals.sql");
            assertThat(note.text()).isEqualTo("line 4: 4 batch(es) of up to 10 id value(s), 30 row(s) changed");
        });
        assertThat(folder.load().status().current()).hasToString("1");
    }

    @Test
    void aFailedBatchKeepsTheCommittedOnesAndARerunResumesAfterThem(TestDatabase db) throws SQLException {
        folder.write("V1__backfill_totals.sql", """
                -- slipway:batch key=id size=10
                update orders set touched = touched + 1, total = (100 / (id - 25))::text;
                """);

        SlipwayException failure = catchThrowableOfType(SlipwayException.class, () -> folder.load().migrate());

        assertThat(failure.status()).isEqualTo(ExitStatus.FAILED);
        assertThat(failure.getMessage()).contains("division by zero", "in the batch after id 20",
                "the batches before it are committed", "V1__backfill_totals.sql:2",
                "is partly applied: 0 step(s) done, and the batches of step 1 committed up to key 20; re-running"
                        + " resumes after them");
        assertThat(folder.load().status().entries()).singleElement().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo(PendingState.PARTIAL);
            assertThat(entry.detail()).startsWith("0 step(s) done, batches committed up to key 20; the next run"
                    + " resumes");
        });
        assertThat(db.queryLong("select count(*) from orders where touched = 1")).isEqualTo(20);
        assertThat(db.queryLong("select max(id) from orders where touched = 1")).isEqualTo(20);

        folder.write("V1__backfill_totals.sql", """
                -- slipway:batch key=id size=10
                update orders set touched = touched + 1, total = (100 / nullif(id - 25, 0))::text;
                """);
        folder.load().migrate();

        assertThat(db.queryLong("select count(*) from orders where touched = 1")).isEqualTo(35);
        assertThat(db.queryLong("select count(*) from orders where touched <> 1")).isZero();
        assertThat(folder.events(ApplyEvent.Note.class)).extracting(ApplyEvent.Note::text)
                .contains("line 2: resuming the batches after id 20 (an earlier run committed up to there)",
                        "line 2: 2 batch(es) of up to 10 id value(s), 15 row(s) changed");
        assertThat(folder.load().status().needsAttention()).isFalse();
    }

    @Test
    void aDeleteWithoutWhereDeletesBatchByBatchAndADownMigrationMayBeBatchedToo(TestDatabase db)
            throws SQLException {
        folder.write("V1__archive.sql", "create table archive (like orders);\n");
        folder.write("V2__clear.sql", """
                insert into archive select * from orders;
                -- slipway:batch key=id size=16
                delete from orders;
                """);
        folder.write("U2__clear.sql", """
                insert into orders select * from archive;
                -- slipway:batch key=id size=16
                delete from archive as a where a.id > 0;
                """);

        folder.load().migrate();
        assertThat(db.queryLong("select count(*) from orders")).isZero();
        assertThat(db.queryLong("select count(*) from archive")).isEqualTo(35);

        folder.load().downgrade(new DowngradeTarget.Steps(1));
        assertThat(db.queryLong("select count(*) from orders")).isEqualTo(35);
        assertThat(db.queryLong("select count(*) from archive")).isZero();
        assertThat(folder.events(ApplyEvent.Note.class)).extracting(ApplyEvent.Note::text)
                .containsExactly("line 3: 3 batch(es) of up to 16 id value(s), 35 row(s) changed",
                        "line 3: 3 batch(es) of up to 16 id value(s), 35 row(s) changed");
    }

    @Test
    void aKeyThatMayBeNullIsRefusedBeforeAnyBatchRuns(TestDatabase db) throws SQLException {
        folder.write("V1__backfill_totals.sql", """
                -- slipway:batch key=cents size=10
                update orders set total = 'x';
                """);

        SlipwayException failure = catchThrowableOfType(SlipwayException.class, () -> folder.load().migrate());

        assertThat(failure.getMessage()).contains("table orders allows NULL in cents",
                "batch by a NOT NULL key", "V1__backfill_totals.sql:2");
        assertThat(db.queryLong("select count(*) from orders where total is not null")).isZero();
    }

    @Test
    void anUpdateOfItsOwnKeyIsRefusedBeforeAnythingRuns(TestDatabase db) throws SQLException {
        folder.write("V1__renumber.sql", """
                create table audit (id int);
                -- slipway:batch key=id size=10
                update orders set id = id + 1000;
                """);

        SlipwayException failure = catchThrowableOfType(SlipwayException.class, () -> folder.load().migrate());

        assertThat(failure.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(failure.getMessage()).contains("the UPDATE assigns the batch key id", "V1__renumber.sql:3");
        assertThat(db.queryLong("select count(*) from pg_tables where tablename = 'audit'")).isZero();
    }

    @Test
    void aBatchDirectiveAboveAnythingButUpdateOrDeleteIsAnError(TestDatabase db) throws SQLException {
        folder.write("V1__backfill_totals.sql", """
                -- slipway:batch key=id size=10
                insert into orders (id, cents) values (100, 1);
                """);

        SlipwayException failure = catchThrowableOfType(SlipwayException.class, () -> folder.load().migrate());

        assertThat(failure.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(failure.getMessage()).contains("UPDATE or DELETE", "V1__backfill_totals.sql:1");
        assertThat(db.queryLong("select count(*) from orders")).isEqualTo(35);
    }
}
