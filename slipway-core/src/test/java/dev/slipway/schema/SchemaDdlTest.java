package dev.slipway.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DDL between two models turns the first into the second: the schema with every object kind built from nothing
 * and dropped to nothing, and each single change of {@link EveryKindTest} made and undone by the script.
 */
@ExtendWith(PostgresExtension.class)
class SchemaDdlTest {
    private static final Pattern NOT_REBUILT = Pattern.compile(
            "does not do for (a partitioned table|a partition|a table in an inheritance tree)$");
    private static boolean built;

    @Test
    void buildsEveryKindFromNothingAndDropsItAgain(TestDatabase db) throws Exception {
        TestDatabase full = TestDatabase.create(db.server(), db.name() + "_full");
        TestDatabase empty = TestDatabase.create(db.server(), db.name() + "_empty");
        try {
            EveryKind.build(full);
            SchemaModel everything = read(full);
            SchemaModel nothing = read(empty);

            DdlScript up = SchemaDdl.between(nothing, everything);
            try (Connection connection = empty.connect()) {
                DdlRun.grouped(connection, up);
            }
            assertThat(SchemaComparison.describe(SchemaComparison.compare(read(empty), everything)))
                    .as(up.text()).isEmpty();
            assertThat(up.warnings()).isEmpty();

            DdlScript down = SchemaDdl.between(everything, nothing);
            try (Connection connection = empty.connect()) {
                DdlRun.grouped(connection, down);
            }
            assertThat(SchemaComparison.describe(SchemaComparison.compare(read(empty), nothing)))
                    .as(down.text()).isEmpty();
            assertThat(down.statements()).filteredOn(DdlStatement::destructive).isNotEmpty();
            assertThat(SchemaDdl.between(everything, everything).statements()).isEmpty();
        } finally {
            db.server().dropDatabase(full.name());
            db.server().dropDatabase(empty.name());
        }
    }

    static List<org.junit.jupiter.params.provider.Arguments> changes() {
        return EveryKindTest.changes().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void eachChangeIsMadeAndUndone(String sql, List<String> described, TestDatabase db) throws Exception {
        if (!built) {
            EveryKind.build(db);
            built = true;
        }
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            SchemaModel before = SchemaReader.read(connection, SchemaFilter.allSchemas());
            statement.execute(sql);
            SchemaModel after = SchemaReader.read(connection, SchemaFilter.allSchemas());
            connection.rollback();

            DdlScript forward = SchemaDdl.between(before, after);
            DdlRun.inTransaction(connection, forward);
            assertThat(remaining(connection, after, forward)).as(forward.text()).isEmpty();
            connection.rollback();

            statement.execute(sql);
            DdlScript backward = SchemaDdl.between(after, before);
            DdlRun.inTransaction(connection, backward);
            assertThat(remaining(connection, before, backward)).as(backward.text()).isEmpty();
            connection.rollback();
        }
    }

    /**
     * The differences left after the script, apart from the column order of a partitioned table, a partition or a
     * table in an inheritance tree, which the script does not rebuild and says so.
     */
    static List<String> remaining(Connection connection, SchemaModel target, DdlScript script) throws Exception {
        List<SchemaDifference> left = SchemaComparison.compare(SchemaReader.read(connection,
                SchemaFilter.allSchemas()), target);
        return left.stream().filter(d -> !(d instanceof SchemaDifference.Changed changed
                && changed.property().equals(SchemaComparison.COLUMN_ORDER)
                && script.warnings().stream().anyMatch(w -> w.startsWith(changed.path().toString())
                        && NOT_REBUILT.matcher(w).find())))
                .map(SchemaDifference::describe).toList();
    }

    private static SchemaModel read(TestDatabase db) throws Exception {
        try (Connection connection = db.connect()) {
            return SchemaReader.read(connection, SchemaFilter.allSchemas());
        }
    }
}
