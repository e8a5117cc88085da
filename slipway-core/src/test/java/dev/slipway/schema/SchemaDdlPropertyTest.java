package dev.slipway.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * For random pairs of schemas A and B (B a random change of A), the script from A to B, run on a database holding A,
 * leaves a database whose model equals B's, column order included (a column dropped from the middle of a table and
 * added back makes the script rebuild it); and the script from B to A does the same the other way.
 */
@ExtendWith(PostgresExtension.class)
class SchemaDdlPropertyTest {
    /** Another seed or more pairs explore further: {@code -Dslipway.ddl.seed=... -Dslipway.ddl.pairs=...}. */
    private static final long SEED = Long.getLong("slipway.ddl.seed", 20251021L);
    private static final int PAIRS = Integer.getInteger("slipway.ddl.pairs", 30);

    @Test
    void theScriptBetweenTwoGeneratedSchemasTurnsOneIntoTheOther(TestDatabase db) throws Exception {
        TestDatabase first = TestDatabase.create(db.server(), db.name() + "_a");
        TestDatabase second = TestDatabase.create(db.server(), db.name() + "_b");
        try {
            Random seeds = new Random(SEED);
            int statements = 0;
            int changed = 0;
            int rebuilt = 0;
            for (int pair = 0; pair < PAIRS; pair++) {
                long seed = seeds.nextLong();
                Random random = new Random(seed);
                GeneratedSchema a = GeneratedSchema.random(random);
                GeneratedSchema b = a.copy();
                List<String> changes = b.mutate(random);
                String label = "pair " + pair + " (seed " + seed + "): " + changes;

                SchemaModel modelA = build(first, a, label);
                SchemaModel modelB = build(second, b, label);
                DdlScript forward = SchemaDdl.between(modelA, modelB);
                assertThat(forward.isEmpty()).as(label).isEqualTo(SchemaComparison.compare(modelA, modelB).isEmpty());
                statements += forward.statements().size();
                changed += forward.isEmpty() ? 0 : 1;
                apply(first, forward);
                assertThat(remaining(first, modelB, forward)).as(label + "\n" + forward.text()).isEmpty();

                DdlScript backward = SchemaDdl.between(modelB, modelA);
                rebuilt += rebuilds(forward) + rebuilds(backward);
                apply(second, backward);
                assertThat(remaining(second, modelA, backward)).as(label + "\n" + backward.text()).isEmpty();
            }
            // Guards the generator: most of its changes must change the schema.
            assertThat(changed).isGreaterThan(PAIRS * 2 / 3);
            assertThat(statements).isGreaterThan(changed);
            assertThat(rebuilt).as("tables rebuilt to reorder their columns").isGreaterThan(0);
        } finally {
            db.server().dropDatabase(first.name());
            db.server().dropDatabase(second.name());
        }
    }

    private static long rebuilds(DdlScript script) {
        return script.warnings().stream().filter(warning -> warning.contains(": rebuilt to put its columns")).count();
    }

    private static SchemaModel build(TestDatabase db, GeneratedSchema schema, String label) throws Exception {
        db.execute("drop schema if exists gen cascade");
        try {
            db.execute(schema.sql());
        } catch (Exception e) {
            throw new AssertionError("the generator made bad SQL for " + label + ":\n" + schema.sql(), e);
        }
        try (Connection connection = db.connect()) {
            return SchemaReader.read(connection, SchemaFilter.allSchemas());
        }
    }

    private static void apply(TestDatabase db, DdlScript script) throws Exception {
        try (Connection connection = db.connect()) {
            DdlRun.grouped(connection, script);
        }
    }

    private static List<String> remaining(TestDatabase db, SchemaModel target, DdlScript script) throws Exception {
        try (Connection connection = db.connect()) {
            return SchemaDdlTest.remaining(connection, target, script);
        }
    }
}
