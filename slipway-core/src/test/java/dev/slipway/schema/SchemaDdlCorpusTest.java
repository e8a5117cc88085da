package dev.slipway.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Slipway;
import dev.slipway.embedded.PostgresServer;
import dev.slipway.migration.Version;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On real migration histories, the script from the schema after the first k migrations to the schema after all of
 * them, run on the first, reaches the second: enum labels added, functions and views replaced, columns converted,
 * tables and indexes created and dropped as the histories did; and the script back, run on the second, reaches the
 * first, column order included: the histories drop and re-add columns, which PostgreSQL appends, so the script
 * rebuilds those tables (Marquez {@code public.jobs}, OpenMeter {@code ledger_sub_account_routes}).
 */
@ExtendWith(PostgresExtension.class)
class SchemaDdlCorpusTest {
    private static final Pattern VERSIONED = Pattern.compile("V([0-9.]+)__.*\\.sql|([0-9]+)_.*\\.up\\.sql");

    @ParameterizedTest(name = "{0} after {1} migrations")
    @CsvSource({
        "MarquezProject__marquez, 5",
        "MarquezProject__marquez, 30",
        "MarquezProject__marquez, 60",
        "openmeterio__openmeter, 40",
        "openmeterio__openmeter, 200",
    })
    void theScriptFromAnEarlierVersionReachesTheLatest(String corpus, int k, PostgresServer server) throws Exception {
        Path folder = Path.of(System.getProperty("slipway.shared.dir"), "corpora", corpus);
        List<Version> versions = versions(folder);
        assertThat(versions.size()).isGreaterThan(k);
        String prefix = "ddl_" + corpus.replaceAll("[^a-z]", "_").toLowerCase() + "_";
        TestDatabase cut = TestDatabase.create(server, prefix + k);
        TestDatabase full = TestDatabase.create(server, prefix + "full_" + k);
        try {
            migrate(full, folder, null);
            migrate(cut, folder, versions.get(k - 1));
            SchemaModel target = read(full);
            SchemaModel before = read(cut);
            assertThat(SchemaComparison.compare(before, target)).as("the cut point changes something").isNotEmpty();

            DdlScript script = SchemaDdl.between(before, target);
            try (Connection connection = cut.connect()) {
                DdlRun.grouped(connection, script);
            }

            assertThat(differences(cut, target)).as(script.text()).isEmpty();
            assertThat(script.warnings()).as("only rebuilds and casts through text are announced here")
                    .allMatch(warning -> warning.contains(": rebuilt to put its columns in the order")
                            || warning.contains("no direct cast"));

            DdlScript back = SchemaDdl.between(target, before);
            try (Connection connection = full.connect()) {
                DdlRun.grouped(connection, back);
            }
            assertThat(differences(full, before)).as(back.text()).isEmpty();
        } finally {
            server.dropDatabase(cut.name());
            server.dropDatabase(full.name());
        }
    }

    private static void migrate(TestDatabase db, Path folder, Version target) {
        Slipway slipway = Slipway.configure().dataSource(db.dataSource()).locations(folder.toString()).load();
        if (target == null) {
            slipway.migrate();
        } else {
            slipway.migrate(target);
        }
    }

    private static List<Version> versions(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> VERSIONED.matcher(file.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> Version.parse(m.group(1) != null ? m.group(1) : m.group(2))).sorted().toList();
        }
    }

    private static List<String> differences(TestDatabase db, SchemaModel target) throws Exception {
        return SchemaComparison.describe(SchemaComparison.compare(read(db), target));
    }

    private static SchemaModel read(TestDatabase db) throws Exception {
        try (Connection connection = db.connect()) {
            return SchemaReader.read(connection, SchemaFilter.allSchemas());
        }
    }
}
