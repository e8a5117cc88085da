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

/** {@code -- slipway:batch} is read and checked; until keyset batching exists the statement runs whole. */
@ExtendWith(PostgresExtension.class)
class BatchDirectiveTest {
    private MigrationFolder folder;

    @BeforeEach
    void ordersWithoutTotals(TestDatabase db, @TempDir Path dir) throws SQLException {
        db.recreate();
        db.execute("create table orders (id int primary key, cents int, total text);"
                + " insert into orders select g, g * 100 from generate_series(1, 35) g");
        folder = new MigrationFolder(db, dir);
    }

    @Test
    void anUpdateUnderABatchDirectiveRunsWholeAndSaysSo(TestDatabase db) throws SQLException {
        folder.write("V1__backfill_totals.sql", """
                alter table orders add column note text;

                -- slipway:batch key=id size=10
                update orders set total = (cents / 100.0)::text;
                """);

        folder.load().migrate();

        assertThat(db.queryLong("select count(*) from orders where total is null")).isZero();
        assertThat(folder.events(ApplyEvent.Note.class)).singleElement().satisfies(note -> {
            assertThat(note.script()).endsWith("V1__backfill_totals.sql");
            assertThat(note.text()).contains("line 4", "batch", "runs whole");
        });
    }

    @Test
    void aBatchDirectiveAboveAnythingButUpdateOrDeleteIsAnError(TestDatabase db) throws SQLException {
        folder.write("V1__backfill_totals.sql", """
                -- slipway:batch key=id size=10
                insert into orders (id, cents) values (100, 1);
                """);

        SlipwayException failure = catchThrowableOfType(() -> folder.load().migrate(), SlipwayException.class);

        assertThat(failure.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(failure.getMessage()).contains("UPDATE or DELETE", "V1__backfill_totals.sql:1");
        assertThat(db.queryLong("select count(*) from orders")).isEqualTo(35);
    }
}
