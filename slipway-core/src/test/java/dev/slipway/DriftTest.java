package dev.slipway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.db.ServerVersion;
import dev.slipway.migration.Version;
import dev.slipway.sandbox.Sandbox;
import dev.slipway.sandbox.TestSandboxes;
import dev.slipway.schema.SchemaComparison;
import dev.slipway.schema.SchemaDifference;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.PostgresServers;
import dev.slipway.testkit.TestDatabase;
import dev.slipway.verify.CheckStatus;
import dev.slipway.verify.VerifyOptions;
import dev.slipway.verify.VerifyReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code Slipway.drift}: the live database against the schema its applied migrations produce. */
@ExtendWith(PostgresExtension.class)
class DriftTest {
    @AutoClose
    private static Sandbox sandbox;

    @TempDir
    Path project;

    @BeforeAll
    static void openSandbox(TestDatabase db) {
        // the test server doubles as the dev server: one server, a scratch database per build
        sandbox = TestSandboxes.onServerOf(db);
    }

    @Test
    void aCleanDatabaseHasNoDriftAndChangesByHandAreEachNamed() throws Exception {
        TestDatabase target = PostgresServers.newDatabase(PostgresServers.defaultMajor(), "drift_target");
        try {
            Path folder = Files.createDirectories(project.resolve("db/migration"));
            Files.writeString(folder.resolve("V1__orders.sql"), """
                    create table orders (id bigint generated always as identity primary key,
                        status text not null default 'new', total numeric(12, 2));
                    create index orders_status_idx on orders (status);
                    """);
            Files.writeString(folder.resolve("V2__order_total.sql"), """
                    create function order_total(p_id bigint) returns numeric language sql stable
                        as $$ select total from orders where id = p_id $$;
                    """);
            Files.writeString(folder.resolve("R__open_orders.sql"),
                    "create or replace view open_orders as select id, status from orders where status <> 'done';\n");
            // the history lives in a schema of its own: the scratch database must get it too, or it would show
            slipway(target, folder).migrate();
            // written after the run: pending, so not part of what the database should look like
            Files.writeString(folder.resolve("V3__shipped_at.sql"),
                    "alter table orders add column shipped_at timestamptz;\n");

            DriftReport clean = slipway(target, folder).drift(sandbox);
            assertThat(clean.differences()).as("%s", SchemaComparison.describe(clean.differences())).isEmpty();
            assertThat(clean.drifted()).isFalse();
            assertThat(clean.version()).isEqualTo(Version.parse("2"));
            assertThat(clean.objectsCompared()).as("schemas, table, columns, index, view, function, ...")
                    .isGreaterThan(8);
            assertThat(clean.notes()).isEmpty();

            target.execute("alter table orders add column note text");
            target.execute("drop index orders_status_idx");
            target.execute("create or replace function order_total(p_id bigint) returns numeric language sql stable"
                    + " as $$ select total * 2 from orders where id = p_id $$");
            DriftReport drifted = slipway(target, folder).drift(sandbox);
            assertThat(drifted.drifted()).isTrue();
            assertThat(SchemaComparison.describe(drifted.differences())).containsExactlyInAnyOrder(
                    "table public.orders: column note added",
                    "table public.orders: index orders_status_idx removed",
                    "function public.order_total(p_id bigint): definition changed");
            assertThat(drifted.differences()).extracting(SchemaDifference::change).containsExactlyInAnyOrder(
                    SchemaDifference.Change.ADDED, SchemaDifference.Change.REMOVED, SchemaDifference.Change.CHANGED);
            assertThat(target.queryLong("select count(*) from pg_database where datname like 'slipway_scratch_%'"))
                    .as("every scratch database is dropped again").isZero();
        } finally {
            target.server().dropDatabase(target.name());
        }
    }

    @Test
    void aDatabaseWithoutHistoryIsRefusedWithTheCommandThatFits(TestDatabase db) throws Exception {
        Path folder = Files.createDirectories(project.resolve("db/migration"));
        assertThatThrownBy(() -> slipway(db, folder).drift(sandbox)).isInstanceOfSatisfying(SlipwayException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(ExitStatus.USAGE);
                    assertThat(e.getMessage()).contains("no Slipway history", "slipway diff --from <url> --to"
                            + " migrations");
                });
    }

    @Test
    void verifyRunsTheDriftCheckInASandboxItOpensOnlyWhenTheCheckIsSelected(TestDatabase db) throws Exception {
        Path folder = Files.createDirectories(project.resolve("db/migration"));
        Files.writeString(folder.resolve("V1__invoices.sql"), "create table invoices (id bigint primary key);\n");
        Slipway slipway = slipway(db, folder);
        slipway.migrate();
        AtomicInteger opened = new AtomicInteger();
        Function<ServerVersion, Sandbox> sandboxes = version -> {
            opened.incrementAndGet();
            return TestSandboxes.onServerOf(db);
        };
        VerifyOptions withDrift = VerifyOptions.defaults().withCheck(slipway.driftCheck(sandboxes));

        VerifyReport revisionOnly = slipway.verify(withDrift.withOnly(List.of("revision")));
        assertThat(revisionOnly.ok()).isTrue();
        assertThat(opened).as("no sandbox when drift is not selected").hasValue(0);

        VerifyReport clean = slipway.verify(withDrift.withOnly(List.of("drift")));
        assertThat(clean.ok()).isTrue();
        assertThat(clean.results()).singleElement().satisfies(r -> assertThat(r.summary()).startsWith("no drift"));

        db.execute("alter table invoices add column paid boolean");
        VerifyReport drifted = slipway.verify(withDrift);
        assertThat(drifted.ok()).isFalse();
        assertThat(drifted.results()).filteredOn(r -> r.check().equals("drift")).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
            assertThat(r.details()).containsExactly("table public.invoices: column paid added");
        });
        assertThat(opened).hasValue(2);
    }

    @Test
    void aDatabaseAdoptedByBaselineWithoutFilesBelowItSaysWhyItsOlderObjectsShowAsAdded() throws Exception {
        TestDatabase adopted = PostgresServers.newDatabase(PostgresServers.defaultMajor(), "drift_adopted");
        try {
            adopted.execute("create table legacy (id bigint primary key)");
            Path folder = Files.createDirectories(project.resolve("db/migration"));
            Files.writeString(folder.resolve("V2__customers.sql"),
                    "create table customers (id bigint primary key);\n");
            Slipway slipway = slipway(adopted, folder);
            slipway.baseline(Version.parse("1"));
            slipway.migrate();

            DriftReport report = slipway.drift(sandbox);

            assertThat(SchemaComparison.describe(report.differences())).containsExactly("table public.legacy added");
            assertThat(report.notes()).singleElement().asString()
                    .contains("baseline", "version 1", "no migration file", "show as added");
        } finally {
            adopted.server().dropDatabase(adopted.name());
        }
    }

    private static Slipway slipway(TestDatabase target, Path folder) {
        return Slipway.configure().url(target.libpqUrl())
                .locations(folder.toString()).historySchema("slipway").load();
    }
}
