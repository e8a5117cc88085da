package dev.slipway.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Slipway;
import dev.slipway.ValidationReport;
import dev.slipway.apply.BaselineResult;
import dev.slipway.apply.PendingState;
import dev.slipway.apply.StatusEntry;
import dev.slipway.apply.StatusReport;
import dev.slipway.migration.Problem;
import dev.slipway.migration.ProblemType;
import dev.slipway.migration.Version;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A database that Flyway migrated, taken over with its history as it is. */
@ExtendWith(PostgresExtension.class)
class FlywayAdoptionTest {
    private static final String MARQUEZ = "MarquezProject__marquez";

    @BeforeEach
    void freshDatabase(TestDatabase db) {
        db.recreate();
    }

    @Test
    void adoptsMarquezsFlywayHistoryAndItsChecksumsMatchTheFiles(TestDatabase db) throws Exception {
        int rows = createFlywayHistory(db, Files.readAllLines(corpus("reference")
                .resolve(MARQUEZ + ".flyway_history.tsv"), StandardCharsets.UTF_8));
        Slipway slipway = Slipway.configure().dataSource(db.dataSource()).locations(corpus(MARQUEZ).toString()).load();

        BaselineResult result = slipway.baseline(null);

        assertThat(rows).isEqualTo(84);
        assertThat(result.adopted()).isEqualTo(84);
        ValidationReport report = slipway.validate();
        assertThat(report.problems()).extracting(Problem::type).doesNotContain(ProblemType.CHECKSUM_CHANGED);
        assertThat(report.problems()).isEmpty();
        StatusReport status = slipway.status();
        assertThat(status.current()).isEqualTo(Version.parse("74"));
        assertThat(status.entries()).hasSize(84).extracting(StatusEntry::state).containsOnly(PendingState.APPLIED);
        assertThat(slipway.migrate().applied()).as("everything Flyway applied counts as applied").isEmpty();
        List<AuditEntry> audit = slipway.history();
        assertThat(audit).hasSize(84).allSatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("adopt");
            assertThat(entry.detail()).isEqualTo("from flyway_schema_history");
        });
        assertThat(db.queryLong("select count(*) from flyway_schema_history")).as("Flyway's table is left alone")
                .isEqualTo(84);
    }

    @Test
    void aChangedFileIsReportedAgainstTheAdoptedChecksum(TestDatabase db, @TempDir Path dir)
            throws Exception {
        createFlywayHistory(db, List.of("installed_rank\tversion\tdescription\ttype\tscript\tchecksum\tsuccess",
                "1\t1\tinitial\tSQL\tV1__initial.sql\t12345\tt",
                "2\t2\tbroken\tSQL\tV2__broken.sql\t777\tf"));
        Files.writeString(dir.resolve("V1__initial.sql"), "create table a (id int);\n");
        Files.writeString(dir.resolve("V2__broken.sql"), "create table b (id int);\n");
        Slipway slipway = Slipway.configure().dataSource(db.dataSource()).locations(dir.toString()).load();

        assertThat(slipway.baseline(null).adopted()).as("the failed row is not adopted").isEqualTo(1);

        assertThat(slipway.validate().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.type()).isEqualTo(ProblemType.CHECKSUM_CHANGED);
            assertThat(problem.message()).contains("V1__initial.sql", "checksum then 12345");
        });
        assertThat(slipway.status().pending()).extracting(StatusEntry::version).containsExactly(Version.parse("2"));
    }

    /** Creates Flyway's table with its own columns and inserts the rows of a reference history. */
    private static int createFlywayHistory(TestDatabase db, List<String> tsv) throws SQLException {
        db.execute("create table flyway_schema_history (installed_rank int primary key, version varchar(50),"
                + " description varchar(200) not null, type varchar(20) not null, script varchar(1000) not null,"
                + " checksum int, installed_by varchar(100) not null, installed_on timestamp not null default now(),"
                + " execution_time int not null, success boolean not null)");
        int inserted = 0;
        try (Connection connection = db.connect();
             PreparedStatement insert = connection.prepareStatement("insert into flyway_schema_history"
                     + " (installed_rank, version, description, type, script, checksum, installed_by,"
                     + " execution_time, success) values (?, ?, ?, ?, ?, ?, 'flyway', 12, ?)")) {
            for (String line : tsv.subList(1, tsv.size())) {
                if (line.isBlank()) continue;
                String[] cells = line.split("\t", -1);
                insert.setInt(1, Integer.parseInt(cells[0]));
                insert.setString(2, cells[1].isEmpty() ? null : cells[1]);
                insert.setString(3, cells[2]);
                insert.setString(4, cells[3]);
                insert.setString(5, cells[4]);
                if (cells[5].isEmpty()) {
                    insert.setNull(6, Types.INTEGER);
                } else {
                    insert.setInt(6, Integer.parseInt(cells[5]));
                }
                insert.setBoolean(7, "t".equals(cells[6]));
                inserted += insert.executeUpdate();
            }
        }
        return inserted;
    }

    private static Path corpus(String id) {
        String shared = System.getProperty("slipway.shared.dir");
        if (shared == null) throw new IllegalStateException("the build sets slipway.shared.dir; run with Maven");
        return Path.of(shared, "corpora", id);
    }
}
