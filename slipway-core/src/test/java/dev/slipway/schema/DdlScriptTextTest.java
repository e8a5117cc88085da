package dev.slipway.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The text of a script is a migration file: warnings on top, transaction blocks when labels are added, marks. */
class DdlScriptTextTest {

    @Test
    void anAddedLabelKeepsItsPlaceAndCannotShareATransaction() {
        DdlScript script = SchemaDdl.between(model(List.of("new", "shipped")), model(List.of("draft", "new", "paid",
                "shipped")));

        assertThat(script.statements()).extracting(DdlStatement::sql).containsExactly(
                "ALTER TYPE app.status ADD VALUE 'draft' BEFORE 'new'",
                "ALTER TYPE app.status ADD VALUE 'paid' AFTER 'new'");
        assertThat(script.statements()).noneMatch(DdlStatement::transactional);
        assertThat(script.text()).as("labels alone share the file's one transaction").isEqualTo(
                "ALTER TYPE app.status ADD VALUE 'draft' BEFORE 'new';\n"
                        + "ALTER TYPE app.status ADD VALUE 'paid' AFTER 'new';\n");
    }

    @Test
    void aRemovedLabelRebuildsTheTypeWithAWarning() {
        DdlScript script = SchemaDdl.between(model(List.of("new", "paid", "shipped")), model(List.of("new",
                "shipped")));

        assertThat(script.warnings()).singleElement().asString().contains("enum app.status");
        assertThat(script.statements()).extracting(DdlStatement::sql).containsExactly(
                "ALTER TYPE app.status RENAME TO status__slipway_old",
                "CREATE TYPE app.status AS ENUM ('new', 'shipped')",
                "DROP TYPE app.status__slipway_old");
        assertThat(script.text()).startsWith("-- warning: enum app.status").doesNotContain("BEGIN;");
    }

    @Test
    void labelsFollowedByStatementsThatMayUseThemAreCommittedInABlockOfTheirOwn() {
        DdlScript script = new DdlScript(List.of(DdlStatement.of("DROP VIEW app.v"),
                new DdlStatement("ALTER TYPE app.status ADD VALUE 'paid'", false, false),
                DdlStatement.of("ALTER TABLE app.t ALTER COLUMN s SET DEFAULT 'paid'")), List.of());

        assertThat(script.text()).isEqualTo("BEGIN;\nDROP VIEW app.v;\nALTER TYPE app.status ADD VALUE 'paid';\n"
                + "COMMIT;\n\nBEGIN;\nALTER TABLE app.t ALTER COLUMN s SET DEFAULT 'paid';\nCOMMIT;\n");
    }

    @Test
    void aDestructiveStatementIsMarkedInTheText() {
        DdlScript script = new DdlScript(List.of(DdlStatement.of("CREATE SCHEMA a"),
                DdlStatement.destructive("DROP TABLE b")), List.of());

        assertThat(script.text()).isEqualTo("CREATE SCHEMA a;\n" + DdlScript.DESTRUCTIVE_MARK + "\nDROP TABLE b;\n");
    }

    private static SchemaModel model(List<String> labels) {
        return new SchemaModel(List.of(new Schema("app", null)), List.of(),
                List.of(new EnumType("app", "status", labels, null)), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }
}
