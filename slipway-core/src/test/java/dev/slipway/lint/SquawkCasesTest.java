package dev.slipway.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * squawk's own test cases (80, re-checked with squawk 2.63.0; see corpora/README.md): for every squawk rule that one
 * of ours judges too, our verdict on the case matches squawk's, except where we judge differently on purpose.
 */
class SquawkCasesTest {
    /** squawk's default server version, used where a case names none. */
    private static final int SQUAWK_DEFAULT_PG = 15;

    /** Cases we judge differently on purpose; each reason is also on the rule's page in docs/rules. */
    private static final Map<String, String> DELIBERATE = Map.of(
            "squawk/constraint_missing_not_valid/adding_fk_not_valid_ok",
            "validate-in-same-transaction: Slipway runs a file without BEGIN as one transaction, so VALIDATE holds"
                    + " the lock ADD ... NOT VALID took",
            "squawk/prefer_repack/cluster_below_pg19_ok",
            "cluster: CLUSTER blocks reads and writes on every version, not only where REPACK exists",
            "squawk/adding_field_with_default/docs_example_error_on_pg_11",
            "adding-column-rewrite: PostgreSQL 11 already adds a constant default without a rewrite");

    private static List<JsonNode> cases;

    @BeforeAll
    static void readCases() throws IOException {
        Path file = Path.of(System.getProperty("slipway.shared.dir"), "corpora", "squawk-lint-cases.jsonl");
        ObjectMapper json = new ObjectMapper();
        cases = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) cases.add(json.readTree(line));
        }
    }

    @Test
    void agreesWithSquawkOnEveryRuleWeShareExceptTheDeliberateDifferences() {
        Map<String, String> disagreements = new TreeMap<>();
        int shared = 0;
        int sameCount = 0;
        for (JsonNode c : cases) {
            String squawkRule = c.get("rule").asText();
            if (ours(squawkRule).isEmpty()) continue;
            shared++;
            int pg = c.get("pg_version").isNull() ? SQUAWK_DEFAULT_PG
                    : LintOptions.parsePgVersion(c.get("pg_version").asText());
            FileReport report = Linter.of(LintOptions.defaults().withPgMajor(pg))
                    .lint("case.sql", c.get("sql").asText());
            long ourViolations = report.active().stream().filter(f -> ours(squawkRule).contains(f.rule())).count();
            boolean squawkFlags = c.get("expected").asText().equals("violation");
            if ((ourViolations > 0) != squawkFlags) {
                disagreements.put(c.get("id").asText(), squawkRule + ": squawk " + (squawkFlags ? "flags" : "accepts")
                        + ", we " + (ourViolations > 0 ? "flag " + report.active() : "accept"));
            }
            long squawkViolations = squawkFlags ? c.get("expected_violations").asLong() : 0;
            if (ourViolations == squawkViolations) sameCount++;
        }
        assertThat(disagreements.keySet()).as(disagreements.toString()).isEqualTo(DELIBERATE.keySet());
        assertThat(shared).as("cases of shared rules").isEqualTo(67);
        assertThat(sameCount).as("cases where even the number of findings matches")
                .isEqualTo(shared - DELIBERATE.size());
    }

    @Test
    void theSquawkRulesWeDoNotShareAreExactlyTheOnesLeftOutOnPurpose() {
        Set<String> unshared = new TreeSet<>();
        for (JsonNode c : cases) {
            if (ours(c.get("rule").asText()).isEmpty()) unshared.add(c.get("rule").asText());
        }
        assertThat(unshared).isEqualTo(new TreeSet<>(RuleDocs.squawkRulesNotShared().keySet()));
    }

    @Test
    void everyDeliberateDifferenceIsExplainedOnTheRulesPage() {
        for (String reason : DELIBERATE.values()) {
            String rule = reason.substring(0, reason.indexOf(':'));
            assertThat(Rules.info(rule)).as(rule).isPresent();
            assertThat(Rules.info(rule).get().squawkDifference()).as(rule).isNotBlank();
        }
    }

    /** {@return the ids of our rules that judge what this squawk rule judges} */
    private static Set<String> ours(String squawkRule) {
        Set<String> ids = new TreeSet<>();
        for (RuleInfo info : Rules.infos()) {
            if (info.squawk().contains(squawkRule)) ids.add(info.id());
        }
        return ids;
    }
}
