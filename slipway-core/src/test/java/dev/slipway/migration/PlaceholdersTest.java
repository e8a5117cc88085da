package dev.slipway.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.Reader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
    private final Placeholders placeholders = new Placeholders(Map.of("schema", "app", "money", "$1\\\\"));

    @Test
    void replacesEveryPlaceholderAnywhereInTheTextAndLeavesDollarQuotesAndParametersAlone() {
        String text = "create table ${schema}.t (note text default '${schema}');  -- in ${schema}\n"
                + "create function f(int) returns int as $$ select $1 $$ language sql;\n"
                + "select '${money}';\n";

        assertThat(placeholders.replace(text, "db/V1__t.sql")).isEqualTo(
                "create table app.t (note text default 'app');  -- in app\n"
                        + "create function f(int) returns int as $$ select $1 $$ language sql;\n"
                        + "select '$1\\\\';\n");
    }

    @Test
    void aPlaceholderWithoutAValueIsAMistakeAtItsLine() {
        MigrationFormatException e = catchThrowableOfType(MigrationFormatException.class,
                () -> placeholders.replace("create schema ${schema};\n\ngrant usage on schema ${schema} to ${reader};",
                        "db/V1__t.sql"));

        assertThat(e.where()).isEqualTo(SourcePosition.of("db/V1__t.sql", 3));
        assertThat(e.getMessage()).contains("no value for placeholder ${reader}", "[migrations.placeholders]",
                "defined: money, schema");
    }

    @Test
    void theFileNameIsABuiltInPlaceholderThatADefinedOneOverrides() {
        assertThat(placeholders.replace("-- ${flyway:filename}", "db/migration/V1__t.sql"))
                .isEqualTo("-- V1__t.sql");
        assertThat(new Placeholders(Map.of("flyway:filename", "x")).replace("-- ${flyway:filename}", "V1__t.sql"))
                .isEqualTo("-- x");
    }

    @Test
    void withNoneDefinedScriptsAreReadAsWritten() throws IOException {
        ScriptSource source = ScriptSource.ofText("select '${anything}';");

        assertThat(Placeholders.none().replacing()).isFalse();
        assertThat(Placeholders.none().applyTo(source, "V1__t.sql")).isSameAs(source);
        try (Reader replaced = placeholders.applyTo(ScriptSource.ofText("create schema ${schema};"), "V1__t.sql")
                .open()) {
            char[] buffer = new char[64];
            assertThat(new String(buffer, 0, replaced.read(buffer))).isEqualTo("create schema app;");
        }
    }

    @Test
    void aNameThatCouldNotBeWrittenAsAPlaceholderIsRefused() {
        assertThatThrownBy(() -> new Placeholders(Map.of("a b", "x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a b'");
        assertThatThrownBy(() -> new Placeholders(Map.of("", "x"))).isInstanceOf(IllegalArgumentException.class);
    }
}
