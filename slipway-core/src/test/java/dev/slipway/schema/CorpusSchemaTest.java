package dev.slipway.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Slipway;
import dev.slipway.embedded.PostgresServer;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A real migration history (Marquez, 84 migrations) applied to two databases gives two equal, non-trivial models. */
@ExtendWith(PostgresExtension.class)
class CorpusSchemaTest {

    @Test
    void marquezBuiltTwiceGivesEqualModels(PostgresServer server) throws Exception {
        Path folder = Path.of(System.getProperty("slipway.shared.dir"), "corpora", "MarquezProject__marquez");
        TestDatabase first = TestDatabase.create(server, "schema_marquez_a");
        TestDatabase second = TestDatabase.create(server, "schema_marquez_b");
        try {
            second.execute("create table burn_oids (id int); drop table burn_oids");
            for (TestDatabase db : new TestDatabase[] {first, second}) {
                Slipway.configure().dataSource(db.dataSource()).locations(folder.toString()).load().migrate();
            }

            SchemaModel one = read(first);
            SchemaModel other = read(second);

            assertThat(SchemaComparison.compare(one, other)).isEmpty();
            assertThat(one).isEqualTo(other);
            assertThat(one.tables()).hasSizeGreaterThan(20)
                    .extracting(Table::tableName).contains("datasets", "jobs", "runs")
                    .doesNotContain("slipway_history", "slipway_history_audit");
            assertThat(one.tables().stream().mapToInt(t -> t.indexes().size()).sum()).isGreaterThan(50);
            assertThat(one.tables().stream().flatMap(t -> t.constraints().stream())
                    .filter(c -> c.type() == ConstraintType.FOREIGN_KEY)).hasSizeGreaterThan(10);
            assertThat(one.views()).isNotEmpty();
            assertThat(one.routines()).isNotEmpty();
            assertThat(one.render()).contains("table public.jobs", "column uuid");
        } finally {
            server.dropDatabase(first.name());
            server.dropDatabase(second.name());
        }
    }

    private static SchemaModel read(TestDatabase db) throws Exception {
        try (Connection connection = db.connect()) {
            return SchemaReader.read(connection, SchemaFilter.allSchemas());
        }
    }
}
