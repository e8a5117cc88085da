package dev.slipway.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule's documented bad example is flagged by that rule and its safe rewrite is not. The same examples are on
 * the rule's page in docs/rules, so the documentation cannot drift from what the linter does.
 */
class RuleExamplesTest {
    /** Every table that exists before the migration is large, so rules that need live sizes apply too. */
    private static final LintOptions LARGE_TABLES = LintOptions.defaults()
            .withSizes(table -> Optional.of(new TableSize(1_000_000, 200_000_000)));

    /** {@return a linter judging for the version the rule's examples are written for} */
    private static Linter linterFor(RuleInfo rule) {
        return Linter.of(rule.examplePgMajor() == 0 ? LARGE_TABLES : LARGE_TABLES.withPgMajor(rule.examplePgMajor()));
    }

    static Stream<RuleInfo> rules() {
        return Rules.infos().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void badExampleIsFlagged(RuleInfo rule) {
        FileReport report = linterFor(rule).lint("bad.sql", rule.bad());
        assertThat(report.active()).as(rule.id() + " on\n" + rule.bad()).extracting(Finding::rule)
                .contains(rule.id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void goodExampleIsNotFlagged(RuleInfo rule) {
        FileReport report = linterFor(rule).lint("good.sql", rule.good());
        assertThat(report.active()).as(rule.id() + " on\n" + rule.good()).extracting(Finding::rule)
                .doesNotContain(rule.id(), "sql-syntax", "invalid-directive");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void findingsCarryTheRulesSeverityAndAFix(RuleInfo rule) {
        for (Finding finding : linterFor(rule).lint("bad.sql", rule.bad()).findings()) {
            RuleInfo own = Rules.info(finding.rule()).orElseThrow();
            assertThat(finding.severity()).isEqualTo(own.severity());
            assertThat(finding.fix()).isNotBlank();
            assertThat(finding.message()).isNotBlank();
        }
    }

    @Test
    void idsAreUniqueAndEveryRuleHasItsTexts() {
        Set<String> ids = new HashSet<>();
        for (RuleInfo rule : Rules.infos()) {
            assertThat(ids.add(rule.id())).as("duplicate id " + rule.id()).isTrue();
            assertThat(List.of(rule.title(), rule.whatHappens(), rule.fix(), rule.bad(), rule.good()))
                    .as(rule.id()).allMatch(text -> !text.isBlank());
        }
        assertThat(Rules.info("drop-table")).isPresent();
        assertThat(Rules.info("no-such-rule")).isEmpty();
    }
}
