package dev.slipway.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.Slipway;
import dev.slipway.SlipwayException;
import dev.slipway.apply.ApplyEvent;
import dev.slipway.apply.DowngradeTarget;
import dev.slipway.apply.PendingState;
import dev.slipway.apply.StatusEntry;
import dev.slipway.lint.PlanOptions;
import dev.slipway.lint.PlanReport;
import dev.slipway.migration.Version;
import dev.slipway.sandbox.Sandbox;
import dev.slipway.sandbox.TestSandboxes;
import dev.slipway.sql.LockMode;
import dev.slipway.testkit.PostgresServers;
import dev.slipway.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The core behaviours on every supported major version: apply, step-by-step files, retries, downgrade, re-apply. */
class CompatibilityTest {
    @TempDir
    Path migrations;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {12, 13, 14, 15, 16, 17})
    void coreBehavioursWork(int major) throws Exception {
        TestDatabase db = PostgresServers.newDatabase(major, "compat" + major);
        try {
            write("V1__create_orders.sql", "create table orders (id bigint primary key, state text not null);\n"
                    + "insert into orders select n, 'new' from generate_series(1, 1000) n;\n");
            write("U1__create_orders.sql", "drop table orders;\n");
            write("V2__order_state_type.sql", "create type order_state as enum ('new', 'paid');\n");
            write("U2__order_state_type.sql", "drop type order_state;\n");
            write("V3__add_shipped_state.sql", "alter type order_state add value 'shipped';\n");
            write("U3__add_shipped_state.sql", "-- enum values cannot be dropped; recreate the type\n"
                    + "drop type order_state;\ncreate type order_state as enum ('new', 'paid');\n");
            write("V4__index_orders_state.sql", "create index concurrently orders_state_idx on orders (state);\n");
            write("U4__index_orders_state.sql", "drop index concurrently orders_state_idx;\n");
            write("V5__own_transaction.sql", "BEGIN;\nalter table orders add column note text;\n"
                    + "update orders set note = 'imported';\nCOMMIT;\n");
            write("U5__own_transaction.sql", "alter table orders drop column note;\n");
            List<ApplyEvent> events = new ArrayList<>();
            Slipway slipway = Slipway.configure().dataSource(db.dataSource()).locations(migrations.toString())
                    .lockTimeout(Duration.ofMillis(200)).lockRetries(1).listener(events::add).load();

            assertThat(slipway.migrate(Version.parse("4")).applied()).hasSize(4);
            assertThat(enumValues(db)).containsExactly("new", "paid", "shipped");
            assertThat(db.queryLong("select count(*) from pg_index where indexrelid = 'orders_state_idx'::regclass"
                    + " and indisvalid")).isEqualTo(1);

            try (Connection blocker = db.connect(); Statement lock = blocker.createStatement()) {
                blocker.setAutoCommit(false);
                lock.execute("lock table orders in share mode");
                assertThatThrownBy(slipway::migrate).isInstanceOf(SlipwayException.class)
                        .hasMessageContaining("V5__own_transaction.sql")
                        .hasMessageContaining("blocked by pid");
                blocker.rollback();
            }
            assertThat(events).filteredOn(ApplyEvent.Retrying.class::isInstance).isNotEmpty();

            assertThat(slipway.migrate().applied()).extracting(a -> a.version().toString()).containsExactly("5");
            assertThat(db.queryLong("select count(*) from orders where note = 'imported'")).isEqualTo(1000);
            assertThat(slipway.status().entries()).extracting(StatusEntry::state).containsOnly(PendingState.APPLIED);

            // the trace reads pg_locks and relfilenode the same way on every version
            write("V6__widen_total.sql", "alter table orders add column total int;\n"
                    + "alter table orders alter column total type bigint;\n");
            try (Sandbox sandbox = TestSandboxes.onServerOf(db)) {
                // a new instance: one reads the migration files once
                Slipway rescanned = Slipway.configure().dataSource(db.dataSource()).locations(migrations.toString())
                        .load();
                List<PlanReport.Step> traced = rescanned.plan(null, PlanOptions.defaults(), sandbox).migrations()
                        .get(0).statements();
                assertThat(traced).extracting(step -> step.observed().outcome())
                        .containsOnly(PlanReport.Traced.RAN);
                assertThat(traced).extracting(PlanReport.Step::rewrite).containsExactly(false, true);
                assertThat(traced.get(1).locks()).extracting(PlanReport.RelationLock::mode)
                        .containsExactly(LockMode.ACCESS_EXCLUSIVE);
            }
            Files.delete(migrations.resolve("V6__widen_total.sql"));

            assertThat(slipway.downgrade(new DowngradeTarget.Base()).reverted()).hasSize(5);
            assertThat(db.queryLong("select count(*) from pg_tables where tablename = 'orders'")).isZero();
            assertThat(slipway.migrate().applied()).hasSize(5);
            assertThat(db.queryLong("select count(*) from orders")).isEqualTo(1000);
        } finally {
            db.server().dropDatabase(db.name());
        }
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(migrations.resolve(name), sql);
    }

    private static List<String> enumValues(TestDatabase db) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = db.connect(); Statement query = connection.createStatement();
             var rows = query.executeQuery("select unnest(enum_range(null::order_state))::text")) {
            while (rows.next()) values.add(rows.getString(1));
        }
        return values;
    }
}
