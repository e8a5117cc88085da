package dev.slipway.apply;

import static dev.slipway.apply.MigrationFolder.tables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.ExitStatus;
import dev.slipway.Slipway;
import dev.slipway.SlipwayException;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A non-transactional migration that failed part way, and the file fixed after it. */
@ExtendWith(PostgresExtension.class)
class PartialMigrationTest {
    private static final String DONE_STEPS = """
            -- slipway:no-transaction
            create table tags (id int);
            insert into tags values (1);
            """;

    private MigrationFolder folder;

    @BeforeEach
    void failedAfterTwoSteps(TestDatabase db, @TempDir Path dir) {
        db.recreate();
        folder = new MigrationFolder(db, dir)
                .write("V1__tags.sql", DONE_STEPS + "insert into tags values ('two');\n"
                        + "create table tags_done (id int);\n");
        catchThrowableOfType(() -> folder.load().migrate(), SlipwayException.class);
    }

    @Test
    void fixingTheStatementThatFailedLetsTheNextRunFinish(TestDatabase db) throws SQLException {
        folder.write("V1__tags.sql", DONE_STEPS + "insert into tags values (2);\ncreate table tags_done (id int);\n");
        Slipway slipway = folder.load();

        MigrateResult result = slipway.migrate();

        assertThat(result.applied()).hasSize(1);
        assertThat(db.queryString("select string_agg(id::text, ',' order by id) from tags")).isEqualTo("1,2");
        assertThat(tables(db)).containsExactly("tags", "tags_done");
        assertThat(folder.events(ApplyEvent.Note.class)).extracting(ApplyEvent.Note::text)
                .anySatisfy(text -> assertThat(text).contains("changed", "2 step(s) that ran are unchanged"));
        assertThat(slipway.status().needsAttention()).isFalse();
        assertThat(slipway.validate().problems()).as("the history has the checksum of the file that finished")
                .isEmpty();
    }

    @Test
    void changingAStepThatAlreadyRanIsRefused(TestDatabase db) throws SQLException {
        folder.write("V1__tags.sql", DONE_STEPS.replace("values (1)", "values (10)")
                + "insert into tags values (2);\ncreate table tags_done (id int);\n");

        SlipwayException refused = catchThrowableOfType(() -> folder.load().migrate(), SlipwayException.class);

        assertThat(refused.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(refused.getMessage()).contains("V1__tags.sql", "changed after it was partly applied",
                "2 step(s)", "nothing applied by this run", "next: ");
        assertThat(db.queryString("select string_agg(id::text, ',' order by id) from tags")).isEqualTo("1");
        assertThat(tables(db)).containsExactly("tags");
    }
}
