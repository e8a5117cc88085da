package dev.slipway.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Slipway;
import dev.slipway.apply.ApplyEvent;
import dev.slipway.apply.MigrateResult;
import dev.slipway.apply.PendingState;
import dev.slipway.apply.StatusEntry;
import dev.slipway.embedded.PostgresServer;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real migration histories from open-source applications reach exactly the schema Flyway 11 (or golang-migrate)
 * reached, with Slipway's default settings: concurrent index builds, dotted versions, repeatables, non-SQL files,
 * golang-migrate pairs and files with their own transactions included.
 */
@ExtendWith(PostgresExtension.class)
class CorpusMigrationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "MarquezProject__marquez, 84, 90c224ca2ecd1df6c0771719a96f76a39b4fb40a4e7b87772f012e87a9c26775",
        "CDCgov__prime-reportstream, 74, 1ce778e34d9e6b82dd919825e8ab4f3436d0d63e226e31b14e2a7438e171e5ec",
        "openmeterio__openmeter, 269, 7a66dcf744dddeb92fe59509560f94fbf058d22a98bba37fc8d3477d1544cb34",
    })
    void reachesTheReferenceSchema(String corpus, int expectedApplied, String referenceHash, PostgresServer server)
            throws Exception {
        Path folder = Path.of(System.getProperty("slipway.shared.dir"), "corpora", corpus);
        assertThat(folder).isDirectory();
        TestDatabase db = TestDatabase.create(server, "corpus_" + corpus.replaceAll("[^a-z]", "_").toLowerCase());
        try {
            List<ApplyEvent> events = new ArrayList<>();
            Slipway slipway = Slipway.configure().dataSource(db.dataSource()).locations(folder.toString())
                    .listener(events::add).load();

            MigrateResult result = slipway.migrate();

            assertThat(result.applied()).hasSize(expectedApplied);
            String dump = SchemaDump.normalised(db);
            if (!SchemaDump.sha256(dump).equals(referenceHash)) {
                Path actual = Files.createTempFile(corpus + "-", ".schema.sql");
                Files.writeString(actual, dump);
                assertThat(dump).as("schema of %s (written to %s)", corpus, actual)
                        .isEqualTo(Files.readString(referenceFile(corpus)));
            }
            assertThat(slipway.status().entries()).extracting(StatusEntry::state).containsOnly(PendingState.APPLIED);
            assertThat(slipway.migrate().applied()).as("a second run has nothing to do").isEmpty();
        } finally {
            server.dropDatabase(db.name());
        }
    }

    private static Path referenceFile(String corpus) {
        Path reference = Path.of(System.getProperty("slipway.shared.dir"), "corpora", "reference");
        Path schema = reference.resolve(corpus + ".schema.sql");
        return Files.exists(schema) ? schema : reference.resolve(corpus + ".schema-after-all-ups.sql");
    }
}
