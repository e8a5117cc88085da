package dev.slipway.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The schema with every object kind, read on the default major version (subclasses run it on others). */
@ExtendWith(PostgresExtension.class)
class EveryKindTest {

    @Test
    void theSameSchemaBuiltTwiceInDifferentOrdersGivesEqualModels(TestDatabase db) throws Exception {
        TestDatabase second = db.server().createDatabase(db.name() + "_b");
        try {
            EveryKind.build(db);
            EveryKind.buildDifferently(second);

            SchemaModel first = read(db);
            SchemaModel other = read(second);

            assertThat(SchemaComparison.compare(first, other)).isEmpty();
            assertThat(first).isEqualTo(other);
            assertThat(first.render()).isEqualTo(other.render());
            assertThat(first.objects()).extracting(SchemaObject::kind).contains(ObjectKind.values()[0],
                    ObjectKind.EXTENSION, ObjectKind.ENUM, ObjectKind.DOMAIN, ObjectKind.COMPOSITE_TYPE,
                    ObjectKind.SEQUENCE, ObjectKind.TABLE, ObjectKind.VIEW, ObjectKind.MATERIALIZED_VIEW,
                    ObjectKind.FUNCTION, ObjectKind.PROCEDURE);
            assertThat(first.tables()).hasSize(12);
            assertThat(first.table("app", "pairs").orElseThrow().columnOrder()).containsExactly("a", "b", "c");
        } finally {
            db.server().dropDatabase(second.name());
        }
    }

    static SchemaModel read(TestDatabase db) throws Exception {
        try (Connection connection = db.connect()) {
            return SchemaReader.read(connection, SchemaFilter.allSchemas());
        }
    }
}
