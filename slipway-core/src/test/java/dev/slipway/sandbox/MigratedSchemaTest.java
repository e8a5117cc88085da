package dev.slipway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.ExitStatus;
import dev.slipway.SlipwayException;
import dev.slipway.apply.ApplyOptions;
import dev.slipway.migration.Location;
import dev.slipway.migration.MigrationScanner;
import dev.slipway.migration.ScanResult;
import dev.slipway.migration.Version;
import dev.slipway.schema.SchemaFilter;
import dev.slipway.schema.SchemaModel;
import dev.slipway.schema.Table;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class MigratedSchemaTest {
    @AutoClose
    private static Sandbox sandbox;

    @TempDir
    Path folder;

    @BeforeAll
    static void openSandbox(TestDatabase db) {
        sandbox = TestSandboxes.onServerOf(db);
    }

    @Test
    void buildsEveryMigrationUpToAVersionOrExactlyTheAppliedOnes(TestDatabase db) throws Exception {
        Files.writeString(folder.resolve("V1__orders.sql"), "create table orders (id bigint primary key);\n");
        Files.writeString(folder.resolve("V2__status.sql"), "alter table orders add column status text;\n");
        Files.writeString(folder.resolve("V3__total.sql"), "alter table orders add column total numeric;\n");
        Files.writeString(folder.resolve("R__orders_view.sql"), "create or replace view order_ids as"
                + " select id from orders;\n");
        MigratedSchema all = MigratedSchema.of(scan(), ApplyOptions.defaults().withHistorySchema("slipway"));

        assertThat(columns(all.build(sandbox, SchemaFilter.allSchemas()))).containsExactly("id", "status", "total");
        SchemaModel upTo2 = all.upTo(Version.parse("2")).build(sandbox, SchemaFilter.allSchemas());
        assertThat(columns(upTo2)).containsExactly("id", "status");
        assertThat(upTo2.view("public", "order_ids")).as("repeatables come after the versions").isPresent();
        assertThat(upTo2.schemas()).extracting(s -> s.schemaName()).contains("slipway");
        SchemaModel skipping2 = all.only(Set.of(Version.parse("1"), Version.parse("3")), Set.of())
                .build(sandbox, SchemaFilter.allSchemas());
        assertThat(columns(skipping2)).containsExactly("id", "total");
        assertThat(skipping2.views()).isEmpty();
        assertThat(db.queryLong("select count(*) from pg_database where datname like 'slipway_scratch_%'")).isZero();
    }

    @Test
    void aMigrationTheScratchServerCannotRunNamesItsLineAndTheWayOut(TestDatabase db) throws Exception {
        Files.writeString(folder.resolve("V1__orders.sql"), "create table orders (id bigint primary key);\n");
        Files.writeString(folder.resolve("V2__reporting.sql"), """
                -- the reporting role exists in production only
                alter table orders add column region text;
                grant select on orders to reporting_ro_missing;
                """);
        MigratedSchema all = MigratedSchema.of(scan(), ApplyOptions.defaults());
        assertThatThrownBy(() -> all.build(sandbox, SchemaFilter.allSchemas()))
                .isInstanceOfSatisfying(SlipwayException.class, e -> {
                    assertThat(e.status()).isEqualTo(ExitStatus.FAILED);
                    assertThat(e.getMessage()).contains("V2__reporting.sql:3",
                            "role \"reporting_ro_missing\" does not exist",
                            "database: the target database was not touched",
                            "next: create the missing role (or object) on the --dev-url server")
                            .doesNotContain(db.server().password());
                });
        assertThat(db.queryLong("select count(*) from pg_database where datname like 'slipway_scratch_%'"))
                .as("the scratch database is dropped after the failure too").isZero();
    }

    private ScanResult scan() {
        return MigrationScanner.scan(List.of(Location.parse(folder.toString())), getClass().getClassLoader());
    }

    private static List<String> columns(SchemaModel model) {
        Table orders = model.table("public", "orders").orElseThrow();
        return orders.columnOrder();
    }
}
