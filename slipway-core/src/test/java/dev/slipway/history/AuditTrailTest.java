package dev.slipway.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.slipway.Slipway;
import dev.slipway.SlipwayException;
import dev.slipway.apply.DowngradeTarget;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The history tables say who ran what, where, when, for how long and how it ended. */
@ExtendWith(PostgresExtension.class)
class AuditTrailTest {

    @Test
    void everyApplyAndRevertIsOnRecordWithWhoWhereAndHowLong(TestDatabase db, @TempDir Path dir) throws Exception {
        write(dir, "V1__slow.sql", "create table slow (id int);\nselect pg_sleep(0.2);\n");
        write(dir, "U1__slow.sql", "drop table slow;\n");
        write(dir, "V2__broken.sql", "insert into slow values ('not a number');\n");
        Slipway slipway = Slipway.configure().dataSource(db.dataSource()).locations(dir.toString())
                .historySchema("audit_trail").load();
        Instant before = Instant.now();

        catchThrowableOfType(slipway::migrate, SlipwayException.class);
        slipway.downgrade(new DowngradeTarget.Base());
        Instant after = Instant.now();

        List<AuditEntry> audit = slipway.history();
        assertThat(audit).extracting(AuditEntry::action, AuditEntry::version, AuditEntry::outcome).containsExactly(
                tuple("apply", "1", "success"), tuple("apply", "2", "failed"), tuple("revert", "1", "success"));
        Actor actor = Actor.current();
        assertThat(audit).allSatisfy(entry -> {
            assertThat(entry.dbUser()).isEqualTo("postgres");
            assertThat(entry.osUser()).isEqualTo(System.getProperty("user.name"));
            assertThat(entry.host()).isEqualTo(actor.host()).isNotBlank();
            assertThat(entry.toolVersion()).isEqualTo(actor.toolVersion()).isNotBlank();
            assertThat(entry.startedAt()).isBetween(before.minusSeconds(1), after);
            assertThat(entry.durationMs()).isNotNegative();
        });
        assertThat(audit.get(0).durationMs()).as("V1 slept 200 ms").isGreaterThanOrEqualTo(200);
        assertThat(audit.get(0).checksum()).isNotNull();
        assertThat(audit.get(0).detail()).isNull();
        assertThat(audit.get(1).detail()).contains("not a number", "22P02", "V2__broken.sql:1");
        assertThat(audit.get(2).script()).endsWith("U1__slow.sql");
        assertThat(audit).extracting(AuditEntry::id).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void theStateTableHoldsOneRowPerAppliedMigrationInTheConfiguredSchema(TestDatabase db, @TempDir Path dir)
            throws Exception {
        write(dir, "V1__slow.sql", "create table state_slow (id int);\nselect pg_sleep(0.1);\n");
        write(dir, "V2__fast.sql", "create table state_fast (id int);\n");
        Slipway slipway = Slipway.configure().dataSource(db.dataSource()).locations(dir.toString())
                .historySchema("state_schema").load();

        assertThat(slipway.status().historyTable()).isFalse();
        assertThat(db.queryString("select nspname from pg_namespace where nspname = 'state_schema'"))
                .as("status reads only and creates nothing").isNull();

        slipway.migrate();

        assertThat(slipway.status().historyTable()).isTrue();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select migration_key, version, type, state, applied_by,"
                     + " duration_ms, how from state_schema.slipway_history order by version")) {
            rows.next();
            assertThat(List.of(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                    rows.getString(5), rows.getString(7))).containsExactly("V:1", "1", "VERSIONED", "applied",
                    "postgres", "run");
            assertThat(rows.getLong(6)).isGreaterThanOrEqualTo(100);
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("V:2");
            assertThat(rows.next()).isFalse();
        }
        assertThat(db.queryString("select to_regclass('public.slipway_history')")).isNull();
    }

    private static void write(Path dir, String name, String sql) throws IOException {
        Files.writeString(dir.resolve(name), sql);
    }
}
