package dev.slipway.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Slipway;
import dev.slipway.migration.Version;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A script from {@link SchemaDdl} saved as a migration file runs through Slipway's own runner. */
@ExtendWith(PostgresExtension.class)
class DdlThroughRunnerTest {

    @Test
    void labelsAddedThenUsedAndATableRebuiltRunAsAMigration(TestDatabase db, @TempDir Path dir) throws Exception {
        TestDatabase wanted = TestDatabase.create(db.server(), db.name() + "_wanted");
        try {
            String before = """
                    create type status as enum ('new', 'shipped');
                    create table orders (id bigint generated always as identity primary key, total numeric,
                        state status not null default 'new');
                    insert into orders (total) values (10), (20);
                    """;
            Files.writeString(dir.resolve("V1__orders.sql"), before);
            wanted.execute("""
                    create type status as enum ('new', 'paid', 'shipped');
                    create table orders (id bigint generated always as identity primary key,
                        state status not null default 'paid', total numeric);
                    """);
            Slipway slipway = Slipway.configure().url(db.libpqUrl()).locations(dir.toString()).load();
            slipway.migrate();
            DdlScript script;
            try (Connection from = db.connect(); Connection to = wanted.connect()) {
                script = SchemaDdl.between(SchemaReader.read(from, SchemaFilter.allSchemas()),
                        SchemaReader.read(to, SchemaFilter.allSchemas()));
            }
            assertThat(script.text()).as("the added label is committed before the default uses it")
                    .startsWith("-- warning: table public.orders: rebuilt").contains("ADD VALUE 'paid'", "COMMIT;");
            Files.writeString(dir.resolve("V2__corrective.sql"), script.text());

            assertThat(Slipway.configure().url(db.libpqUrl()).locations(dir.toString()).load().migrate().to())
                    .isEqualTo(Version.parse("2"));

            try (Connection after = db.connect(); Connection to = wanted.connect()) {
                assertThat(SchemaComparison.describe(SchemaComparison.compare(
                        SchemaReader.read(after, SchemaFilter.allSchemas()),
                        SchemaReader.read(to, SchemaFilter.allSchemas())))).isEmpty();
            }
            assertThat(db.queryString("select string_agg(id || ':' || total || ':' || state, ',' order by id)"
                    + " from orders")).isEqualTo("1:10:new,2:20:new");
        } finally {
            db.server().dropDatabase(wanted.name());
        }
    }
}
