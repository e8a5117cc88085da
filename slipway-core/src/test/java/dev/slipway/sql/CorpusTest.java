package dev.slipway.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every SQL file of the real-world migration histories in the shared corpora. */
class CorpusTest {
    private static final String MARQUEZ = "MarquezProject__marquez/";
    private static final String REPORT_STREAM = "CDCgov__prime-reportstream/";
    private static final String OPEN_METER = "openmeterio__openmeter/";

    /** Relative path (corpus/file) to text, for every .sql file below a corpus folder. */
    private static Map<String, String> files;
    private static Map<String, SqlScript> scripts;

    @BeforeAll
    static void readCorpora() throws IOException {
        Path corpora = Path.of(System.getProperty("slipway.shared.dir", "../shared"), "corpora");
        assertThat(corpora).as("shared corpora (system property slipway.shared.dir)").isDirectory();
        try (Stream<Path> paths = Files.walk(corpora)) {
            files = paths.filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .filter(p -> corpora.relativize(p).getNameCount() >= 2)
                    .collect(Collectors.toMap(p -> corpora.relativize(p).toString().replace('\\', '/'),
                            CorpusTest::read, (a, b) -> a, TreeMap::new));
        }
        scripts = new LinkedHashMap<>();
        files.forEach((name, text) -> scripts.put(name, SqlScript.parse(text)));
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void allThreeHistoriesAreThere() {
        assertThat(files.keySet().stream().filter(f -> f.startsWith(MARQUEZ))).hasSize(84);
        assertThat(files.keySet().stream().filter(f -> f.startsWith(REPORT_STREAM))).hasSize(74);
        assertThat(files.keySet().stream().filter(f -> f.startsWith(OPEN_METER))).hasSize(538);
    }

    @TestFactory
    Stream<DynamicTest> everyFileSplitsIntoStatementsThatPointIntoTheSource() {
        return files.keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            String text = files.get(name);
            assertThat(SqlLexer.tokenize(text).stream().map(Token::text).collect(Collectors.joining()))
                    .isEqualTo(text);
            for (SqlStatement statement : scripts.get(name).statements()) {
                assertThat(text.substring(statement.startOffset(), statement.endOffset()))
                        .isEqualTo(statement.text());
                Token first = statement.tokens().get(0);
                assertThat(first.isSignificant()).isTrue();
                assertThat(first.offset()).isEqualTo(statement.startOffset());
                assertThat(statement.tokens()).allMatch(Token::isSignificant);
                assertThat(statement.leadingComments()).allMatch(Token::isComment);
                assertThat(statement.text()).doesNotEndWith(";");
            }
        }));
    }

    @Test
    void exactlyTheFilesWithConcurrentlyBuildIndexesConcurrently() {
        Set<String> withBuild = filesWhere(s -> s.concurrentIndexBuild().isPresent());
        assertThat(withBuild).containsExactlyInAnyOrder(
                MARQUEZ + "V47__add_lineage_event_indexes.sql",
                REPORT_STREAM + "V40__report_lineage_report_id_indexes.sql",
                REPORT_STREAM + "V41__digest_index.sql",
                REPORT_STREAM + "V47__item_hash_index.sql",
                REPORT_STREAM + "V68__add_index_report_file.sql",
                REPORT_STREAM + "V71__add_report_id_index_to_action_log.sql",
                REPORT_STREAM + "V74__create_index_item_lineage_created_at.sql");
        files.forEach((name, text) -> {
            if (!text.toUpperCase(Locale.ROOT).contains("CONCURRENTLY")) assertThat(withBuild).doesNotContain(name);
        });
        // On a current server nothing else in these histories needs to run outside a transaction.
        assertThat(filesWhere(s -> s.cannotRunInTransaction(15))).isEqualTo(withBuild);
    }

    @Test
    void concurrentIndexBuildsNameTheirIndexAndTable() {
        assertThat(builds(MARQUEZ + "V47__add_lineage_event_indexes.sql")).containsExactly(
                new ConcurrentIndexBuild(null, "lineage_events_event_time", "lineage_events", false, false));
        assertThat(builds(REPORT_STREAM + "V40__report_lineage_report_id_indexes.sql")).containsExactly(
                new ConcurrentIndexBuild(null, "idx_report_lineage_parent_report_id", "report_lineage", false, true),
                new ConcurrentIndexBuild(null, "idx_report_lineage_child_report_id", "report_lineage", false, true));
    }

    @Test
    void leadingCommentsCarryTheFileHeader() {
        SqlStatement first = scripts.get(REPORT_STREAM + "V40__report_lineage_report_id_indexes.sql").statements()
                .get(0);
        assertThat(first.leadingComments()).hasSize(1);
        assertThat(first.leadingComments().get(0).text()).startsWith("/*").contains("Copy a version");
        assertThat(first.line()).isEqualTo(11);
    }

    @Test
    void enumValuesAddedByReportStreamNeedNoTransactionOnlyOnOldServers() {
        Set<String> addValue = filesWhere(s -> s.keywords(2).equals(List.of("ALTER", "TYPE"))
                && s.cannotRunInTransaction(11));
        assertThat(addValue).containsExactlyInAnyOrderElementsOf(Stream.of("V25__add_process_type.sql",
                "V29__add_process_warning_error.sql", "V52__add_route_type.sql", "V56__add_convert.sql",
                "V59__add_internal_value_to_action_log_scope.sql", "V66__add_other_task.sql",
                "V69__add_split_routing_taskactions.sql", "V72__add_receiver_enrichment_task.sql")
                .map(f -> REPORT_STREAM + f).toList());
        assertThat(filesWhere(s -> s.cannotRunInTransaction(12) && s.keywords(2).equals(List.of("ALTER", "TYPE"))))
                .isEmpty();
    }

    @Test
    void exactlyTheOpenMeterFilesWithTheirOwnTransactionBlocksHaveBeginAndCommit() {
        // Checked by hand: each of these files opens with BEGIN; and closes with COMMIT; and has no other
        // transaction control; every other file (including the many with BEGIN ... END inside DO and function
        // bodies, and CASE ... END; at the end of an UPDATE) has none.
        List<String> expected = Stream.of(
                "20260527120000_dedupe_tax_codes_by_app_mapping.up.sql",
                "20260709132435_repair_usagebased_deleted_invoice_runs.up.sql",
                "20260716121405_repair_flat_price_usage_discounts.up.sql",
                "20260716150455_cleanup_gathering_invoice_details.up.sql",
                "20260724082957_backfill_credit_purchase_invoice_fiat_amount.up.sql",
                "20260807061955_migrate_credit_purchase_cost_basis_schema_level_2.up.sql",
                "20260809152600_backfill_charge_discount_correlation_ids.up.sql",
                "20260809172658_backfill_persisted_charge_discount_correlation_ids.up.sql",
                "20260810064730_backfill_subscription_item_currencies.down.sql",
                "20260810064730_backfill_subscription_item_currencies.up.sql",
                "20260814113138_add_rate_card_annotations.down.sql",
                "20260814113138_add_rate_card_annotations.up.sql",
                "20260814113139_backfill_rate_card_feature_references.down.sql",
                "20260814113139_backfill_rate_card_feature_references.up.sql",
                "20260814114215_charges-search-feature-filters.down.sql",
                "20260814114215_charges-search-feature-filters.up.sql").map(f -> OPEN_METER + f).toList();
        assertThat(expected).hasSize(16);

        assertThat(filesWhere(s -> s.transactionControl() != TransactionControl.NONE))
                .containsExactlyInAnyOrderElementsOf(expected);
        for (String name : expected) {
            List<TransactionControl> controls = scripts.get(name).statements().stream()
                    .map(SqlStatement::transactionControl).toList();
            assertThat(controls).as(name).hasSizeGreaterThan(2);
            assertThat(controls.get(0)).as(name).isEqualTo(TransactionControl.BEGIN);
            assertThat(controls.get(controls.size() - 1)).as(name).isEqualTo(TransactionControl.COMMIT);
            assertThat(controls.subList(1, controls.size() - 1)).as(name).containsOnly(TransactionControl.NONE);
        }
    }

    private static Set<String> filesWhere(Predicate<SqlStatement> test) {
        return scripts.entrySet().stream().filter(e -> e.getValue().statements().stream().anyMatch(test))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<ConcurrentIndexBuild> builds(String name) {
        return scripts.get(name).statements().stream().flatMap(s -> s.concurrentIndexBuild().stream()).toList();
    }
}
